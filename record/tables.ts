import type { Prisma } from "./generated/prisma/client.js";
import type { ColumnTypes } from "./bulkInsert.js";

// Column types of the record's tables for bulk inserts (record/bulkInsert.ts), as in
// prisma/migrations (enums are quoted type names): the demo seed and the importer write through
// them. Only the columns listed here are written; the others take their database default.

export const TERRITORY: ColumnTypes<Prisma.TerritoryCreateManyInput> = {
  id: "int",
  level: '"TerritoryLevel"',
  code: "text",
  name: "text",
  category: "text",
  population: "int",
  overseas: "boolean",
  sizeSegment: '"SizeSegment"',
  path: "text",
  parentId: "int",
  regionId: "int",
  source: "text",
};

/**
 * The implicit Territory.members relation ("ProjectMembers"). For a self-relation Prisma assigns
 * the columns by field name order ("members" < "projects"): "A" holds the project, "B" its member
 * (checked by reading `members` back through Prisma).
 */
export const PROJECT_MEMBERS: ColumnTypes<{ A: number; B: number }> = { A: "int", B: "int" };

export const ACTOR: ColumnTypes<Prisma.ActorCreateManyInput> = {
  id: "int",
  name: "text",
  profile: '"Profile"',
  kind: '"ActorKind"',
  isCatalyst: "boolean",
  siren: "text",
  siret: "text",
  rna: "text",
  description: "text",
  website: "text",
  source: "text",
  externalId: "text",
};

export const ACTOR_TERRITORY: ColumnTypes<Prisma.ActorTerritoryCreateManyInput> = { actorId: "int", territoryId: "int" };

export const PERSON: ColumnTypes<Prisma.PersonCreateManyInput> = {
  id: "int",
  actorId: "int",
  name: "text",
  email: "text",
  role: "text",
  consentToPeers: "boolean",
  consentAt: "timestamp(3)",
  source: "text",
};

export const ECOSYSTEM: ColumnTypes<Prisma.EcosystemCreateManyInput> = {
  id: "int",
  territoryId: "int",
  accompaniedSince: "date",
  pivotActorId: "int",
  source: "text",
};

export const ALLIANCE: ColumnTypes<Prisma.AllianceCreateManyInput> = {
  id: "int",
  name: "text",
  purpose: "text",
  modalities: '"Modality"[]',
  levers: '"Lever"[]',
  impacts: '"Impact"[]',
  startDate: "date",
  endDate: "date",
  source: "text",
  declaredById: "int",
  externalId: "text",
};

export const ALLIANCE_MEMBER: ColumnTypes<Prisma.AllianceMemberCreateManyInput> = {
  allianceId: "int",
  actorId: "int",
  role: '"MemberRole"',
  confirmedAt: "timestamp(3)",
};

export const INTERACTION: ColumnTypes<Prisma.InteractionCreateManyInput> = {
  id: "int",
  kind: '"InteractionKind"',
  date: "date",
  description: "text",
  intensity: "int",
  amountEuros: "int",
  allianceId: "int",
  source: "text",
  externalId: "text",
};

export const INTERACTION_PARTICIPANT: ColumnTypes<Prisma.InteractionParticipantCreateManyInput> = { interactionId: "int", actorId: "int" };

export const NEED_ASSESSMENT: ColumnTypes<Prisma.NeedAssessmentCreateManyInput> = {
  id: "int",
  territoryId: "int",
  date: "date",
  level: "int",
  assessedBy: "text",
  notes: "text",
  source: "text",
  externalId: "text",
};

export const PRACTICE_ASSESSMENT: ColumnTypes<Prisma.PracticeAssessmentCreateManyInput> = {
  id: "int",
  actorId: "int",
  date: "date",
  source: "text",
  externalId: "text",
};

export const PRACTICE_SCORE: ColumnTypes<Prisma.PracticeScoreCreateManyInput> = { assessmentId: "int", practice: "text", score: "int" };

export const EVALUATION: ColumnTypes<Prisma.EvaluationCreateManyInput> = {
  id: "int",
  ecosystemId: "int",
  phase: '"EvaluationPhase"',
  date: "date",
  impact: "int",
  reproducibility: "int",
  promotion: "int",
  appetence: "int",
  source: "text",
};

export const EVALUATION_LEVER_USE: ColumnTypes<Prisma.EvaluationLeverUseCreateManyInput> = { evaluationId: "int", lever: '"Lever"', score: "int" };

export const FUNDING: ColumnTypes<Prisma.FundingCreateManyInput> = {
  id: "int",
  fund: '"Fund"',
  amountEuros: "int",
  date: "date",
  ecosystemId: "int",
  recipientActorId: "int",
  source: "text",
};

/** Prisma fills @updatedAt itself; a raw insert must. */
export const STAMPED = { updatedAt: "now()" };
