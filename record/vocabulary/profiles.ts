import type { ActorKind, Profile } from "../generated/prisma/enums.js";

/** Every finer kind sits under exactly one profile (domain.md). */
export const PROFILE_OF_KIND: Readonly<Record<ActorKind, Profile>> = {
  COMPANY: "ECONOMIC",
  ESS: "ECONOMIC",
  SIAE: "ECONOMIC",
  ASSOCIATION: "GENERAL_INTEREST",
  FOUNDATION: "GENERAL_INTEREST",
  LOCAL_AUTHORITY: "PUBLIC",
  INSTITUTION: "PUBLIC",
  ACADEMIC: "ACADEMIC",
};

/** Need levels, 1 to 4, and the study's names for them. */
export const NEED_LEVELS = [
  { level: 1, key: "ACCOMPANY", fr: "Accompagner", en: "Accompany" },
  { level: 2, key: "CONSOLIDATE", fr: "Consolider", en: "Consolidate" },
  { level: 3, key: "INVEST", fr: "Investir", en: "Invest" },
  { level: 4, key: "INVENT", fr: "Inventer", en: "Invent" },
] as const;
