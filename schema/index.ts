import { lexicographicSortSchema } from "graphql";
import { builder } from "./builder.js";
import "./scalars.js";
import "./enums.js";
import "./errorTypes.js";
import "./territory.js";
import "./ecosystem.js";
import "./actor.js";
import "./alliance.js";
import "./interaction.js";
import "./needAssessment.js";
import "./practiceAssessment.js";
import "./evaluation.js";
import "./funding.js";
import "./person.js";
import "./auditLog.js";
import "./maturity.js";
import "./peers.js";
import "./paths.js";
import "./interactionValue.js";
import "./actorMetrics.js";
import "./bridgeActors.js";
import "./networkStats.js";
import "./network.js";

builder.queryType({});
builder.mutationType({});

export const schema = lexicographicSortSchema(builder.toSchema());
