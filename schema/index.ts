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
import "./maturity.js";
import "./interactionValue.js";

builder.queryType({});
builder.mutationType({});

export const schema = lexicographicSortSchema(builder.toSchema());
