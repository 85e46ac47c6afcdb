/**
 * The maturity model: every weight and threshold of the composite, in one place.
 *
 * Each component is a measure of the ecosystem's network, practices or alliances, turned into a
 * score in [0, 1] by dividing by its `target` (the value at which the component counts as fully
 * met) and capping at 1. The composite is Σ weight × score (weights sum to 1), and the level is
 * the last of LEVEL_THRESHOLDS the composite reaches. The components follow the study's reading
 * of a mature territorial project (domain.md): the four helices present, balanced and tied to each
 * other; a connected, cohesive network with ties beyond the territory; a network grown from
 * scattered fragments to a core/periphery (Krebs & Holley 2006, "Building smart communities
 * through network weaving"); practices qualified on the self-assessment grid; and alliances using
 * the deeper modalities and several levers.
 *
 * The thresholds were set once on the demo programme's 81 ecosystems, so that the computed level
 * agrees with the assessed need level as often as a principled composite can (see the confusion
 * matrix in the test of graph/ecosystem/maturity.ts); they are parameters, not findings.
 */
export type MaturityComponentKey =
  | "profilePresence"
  | "profileBalance"
  | "crossProfileTies"
  | "cohesion"
  | "connectedness"
  | "outwardTies"
  | "growthStage"
  | "practices"
  | "modalityDepth"
  | "leversMobilised";

export interface MaturityComponentSpec {
  weight: number;
  /** The raw value at which the component is fully met. */
  target: number;
  description: { en: string; fr: string };
}

export const MATURITY_COMPONENTS: Readonly<Record<MaturityComponentKey, MaturityComponentSpec>> = {
  profilePresence: {
    weight: 0.1,
    target: 4,
    description: { en: "Profiles present among the actors (of 4)", fr: "Profils présents parmi les acteurs (sur 4)" },
  },
  profileBalance: {
    weight: 0.08,
    target: 0.95,
    description: { en: "Balance of the four profiles (normalised Shannon entropy)", fr: "Équilibre des quatre profils (entropie de Shannon normalisée)" },
  },
  crossProfileTies: {
    weight: 0.12,
    target: 0.75,
    description: { en: "Share of ties that cross profiles", fr: "Part des liens entre profils différents" },
  },
  cohesion: {
    weight: 0.1,
    target: 12,
    description: { en: "Mean number of partners per actor inside the ecosystem", fr: "Nombre moyen de partenaires par acteur dans l'écosystème" },
  },
  connectedness: {
    weight: 0.12,
    target: 0.97,
    description: { en: "Share of actors in the largest connected part", fr: "Part des acteurs dans la plus grande partie connectée" },
  },
  outwardTies: {
    weight: 0.08,
    target: 0.4,
    description: { en: "Share of actors tied to another territory", fr: "Part des acteurs liés à un autre territoire" },
  },
  growthStage: {
    weight: 0.1,
    target: 4,
    description: {
      en: "Stage of growth: 1 scattered fragments, 2 hub-and-spoke, 3 multi-hub small world, 4 core/periphery",
      fr: "Stade de croissance : 1 fragments épars, 2 étoile autour d'un pivot, 3 petit monde multi-pivots, 4 cœur/périphérie",
    },
  },
  practices: {
    weight: 0.1,
    target: 3,
    description: { en: "Mean self-assessed practice score of its actors (0-4)", fr: "Score moyen d'autodiagnostic des pratiques de ses acteurs (0-4)" },
  },
  modalityDepth: {
    weight: 0.12,
    target: 5,
    description: {
      en: "Mean depth of the modalities used together (1 dialogue to 7 pool resources)",
      fr: "Profondeur moyenne des modalités pratiquées ensemble (1 dialoguer à 7 mutualiser)",
    },
  },
  leversMobilised: {
    weight: 0.08,
    target: 4,
    description: { en: "Mean number of levers mobilised per alliance tie (of 7)", fr: "Nombre moyen de leviers mobilisés par lien d'alliance (sur 7)" },
  },
};

/** The composite score each level starts at (level 1 from 0). */
export const LEVEL_THRESHOLDS: readonly [number, number, number] = [0.755, 0.845, 0.93];

/** Growth stages (Krebs & Holley): how the shape of the network is read. */
export const GROWTH_STAGE_RULES = Object.freeze({
  /** Below this share of actors in the largest part, the network is scattered fragments. */
  fragmentedBelow: 0.5,
  /** Above this degree centralisation (Freeman), one hub holds the network: hub-and-spoke. */
  hubAndSpokeAbove: 0.4,
  /** A core/periphery network has a k-core of at least this k ... */
  coreK: 4,
  /** ... holding at least this share of the actors, and a largest part above `connectedCore`. */
  coreShare: 0.15,
  connectedCore: 0.8,
});

/** How many of the weakest components the next step names. */
export const NEXT_STEP_COMPONENTS = 3;
