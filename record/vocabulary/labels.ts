import type { ActorKind, Profile } from "../generated/prisma/enums.js";
import { NEED_LEVELS } from "./profiles.js";

/**
 * The domain's words that both the printed notebook (server/report/texts.ts) and the map
 * (web/src/i18n/) show, in French and English: one source, so the two cannot say different
 * things. Plain data, which the notebook reads in Node and the map in the browser. Growth stages
 * are written as they read inside a sentence.
 */
const levelNames = (language: "fr" | "en"): Record<number, string> => Object.fromEntries(NEED_LEVELS.map((need) => [need.level, need[language]]));

const fr = {
  demoNotice: "Données de démonstration fictives : aucune organisation ni personne réelle.",
  notAssessed: "non évalué",
  profile: { ECONOMIC: "Économique", GENERAL_INTEREST: "Intérêt général", PUBLIC: "Public", ACADEMIC: "Académique" } satisfies Record<Profile, string>,
  profileHint: {
    ECONOMIC: "entreprises, ESS, SIAE",
    GENERAL_INTEREST: "associations, fondations",
    PUBLIC: "collectivités, institutions",
    ACADEMIC: "universités, écoles, laboratoires",
  } satisfies Record<Profile, string>,
  kind: {
    ACADEMIC: "établissement académique",
    ASSOCIATION: "association",
    COMPANY: "entreprise",
    ESS: "structure de l'ESS",
    FOUNDATION: "fondation",
    INSTITUTION: "institution publique",
    LOCAL_AUTHORITY: "collectivité",
    SIAE: "structure d'insertion (SIAE)",
  } satisfies Record<ActorKind, string>,
  levelName: levelNames("fr"),
  levelAim: {
    1: "promouvoir et outiller une initiative locale",
    2: "promouvoir et développer les compétences locales",
    3: "développer une capacité locale d'innovation ou d'ingénierie",
    4: "co-construire un écosystème local",
  } as Record<number, string>,
  level: (n: number) => `Niveau ${n}`,
  growthStage: {
    SCATTERED_FRAGMENTS: "fragments épars",
    HUB_AND_SPOKE: "étoile autour d'un pivot",
    MULTI_HUB_SMALL_WORLD: "petit monde multi-pivots",
    CORE_PERIPHERY: "cœur et périphérie",
  },
};

export type Labels = typeof fr;

const en: Labels = {
  demoNotice: "Fictitious demonstration data: no real organisation or person.",
  notAssessed: "not assessed",
  profile: { ECONOMIC: "Economic", GENERAL_INTEREST: "General interest", PUBLIC: "Public", ACADEMIC: "Academic" },
  profileHint: {
    ECONOMIC: "companies, social economy, work integration",
    GENERAL_INTEREST: "associations, foundations",
    PUBLIC: "local authorities, institutions",
    ACADEMIC: "universities, schools, labs",
  },
  kind: {
    ACADEMIC: "academic institution",
    ASSOCIATION: "association",
    COMPANY: "company",
    ESS: "social economy organisation",
    FOUNDATION: "foundation",
    INSTITUTION: "public institution",
    LOCAL_AUTHORITY: "local authority",
    SIAE: "work-integration organisation (SIAE)",
  },
  levelName: levelNames("en"),
  levelAim: {
    1: "promote and equip a local initiative",
    2: "promote and develop local skills",
    3: "develop a local innovation or engineering capacity",
    4: "co-construct a local ecosystem",
  },
  level: (n) => `Level ${n}`,
  growthStage: {
    SCATTERED_FRAGMENTS: "scattered fragments",
    HUB_AND_SPOKE: "hub and spoke",
    MULTI_HUB_SMALL_WORLD: "multi-hub small world",
    CORE_PERIPHERY: "core and periphery",
  },
};

export const LABELS: Readonly<Record<"fr" | "en", Labels>> = { fr, en };
