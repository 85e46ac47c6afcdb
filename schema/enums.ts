import {
  ActorKind,
  EvaluationPhase,
  Fund,
  Impact,
  InteractionKind,
  Lever,
  MemberRole,
  Modality,
  Profile,
  SizeSegment,
  TerritoryLevel,
} from "../record/generated/prisma/enums.js";
import { builder } from "./builder.js";

/** The record's enums, exposed under the same names and values as in prisma/schema.prisma. */
export const ProfileEnum = builder.enumType(Profile, {
  name: "Profile",
  description: "The four actor profiles of the quadruple helix.",
});
export const ActorKindEnum = builder.enumType(ActorKind, { name: "ActorKind", description: "The finer kind under a profile." });
export const ModalityEnum = builder.enumType(Modality, {
  name: "Modality",
  description: "The seven modalities of acting together; later ones mark deeper cooperation.",
});
export const LeverEnum = builder.enumType(Lever, { name: "Lever", description: "The seven levers an accompaniment mobilises." });
export const ImpactEnum = builder.enumType(Impact, { name: "Impact" });
export const MemberRoleEnum = builder.enumType(MemberRole, { name: "MemberRole" });
export const InteractionKindEnum = builder.enumType(InteractionKind, { name: "InteractionKind" });
export const EvaluationPhaseEnum = builder.enumType(EvaluationPhase, { name: "EvaluationPhase" });
export const FundEnum = builder.enumType(Fund, { name: "Fund" });
export const TerritoryLevelEnum = builder.enumType(TerritoryLevel, { name: "TerritoryLevel" });
export const SizeSegmentEnum = builder.enumType(SizeSegment, {
  name: "SizeSegment",
  description: "Four segments by population; thresholds in record/vocabulary/sizeSegment.ts.",
});
