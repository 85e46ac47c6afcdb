/**
 * The practice self-assessment grid of the programme's study: three axes, eight professional
 * situations, 22 practices as printed (the study's text says 21). Each practice is scored 0-4.
 * Keys are stable identifiers stored in PracticeScore.practice; order is the grid's order, which
 * makes a practice vector comparable across actors.
 */
export const PRACTICE_AXES = ["MANAGEMENT", "RELATIONS", "STRATEGY"] as const;
export type PracticeAxis = (typeof PRACTICE_AXES)[number];

export interface Practice {
  key: string;
  axis: PracticeAxis;
  situation: number;
  label: { en: string; fr: string };
}

const grid: [PracticeAxis, number, string, string, string][] = [
  ["MANAGEMENT", 1, "FUND_PROJECTS", "fund projects", "financer des projets"],
  ["MANAGEMENT", 1, "FUND_OWN_ENGINEERING", "fund the engineering I carry", "financer l'ingénierie que je porte"],
  ["MANAGEMENT", 1, "FUND_OTHER_ACTORS", "fund other actors", "financer d'autres acteurs"],
  ["MANAGEMENT", 2, "MANAGE_CONTRACTS", "manage contracts", "gérer des contrats"],
  ["MANAGEMENT", 2, "DEFINE_PERFORMANCE_INDICATORS", "define performance indicators", "définir des indicateurs de performance"],
  ["MANAGEMENT", 2, "MEASURE_RESULTS", "measure results", "mesurer les résultats"],
  ["MANAGEMENT", 3, "FRAME_PROJECTS", "frame projects", "cadrer des projets"],
  ["MANAGEMENT", 3, "STEER_PROJECTS", "steer projects", "piloter des projets"],
  ["MANAGEMENT", 3, "MANAGE_PROJECT_TEAMS", "manage project teams", "manager des équipes projet"],
  ["RELATIONS", 4, "LISTEN_TO_OWN_ORGANISATION", "listen to my organisation", "écouter mon organisation"],
  ["RELATIONS", 4, "LISTEN_TO_TERRITORY_ACTORS", "listen to the actors of my territory", "écouter les acteurs de mon territoire"],
  ["RELATIONS", 5, "LINK_INSIDE_ORGANISATION", "links inside my organisation", "créer des liens dans mon organisation"],
  ["RELATIONS", 5, "LINK_TERRITORY_ACTORS", "links between actors of my territory", "créer des liens entre acteurs du territoire"],
  ["RELATIONS", 6, "COMMUNICATE_INTERACTIONS", "communicate on interactions", "communiquer sur les interactions"],
  ["RELATIONS", 6, "DEFINE_INTERACTION_VALUE", "define the economic value of interactions", "définir la valeur économique des interactions"],
  ["RELATIONS", 6, "ASSERT_ALLIANCE_IMPACTS", "assert alliance impacts", "affirmer les impacts des alliances"],
  ["STRATEGY", 7, "DEFINE_PARTNERSHIP_STRATEGY", "define the territorial partnership strategy", "définir la stratégie partenariale territoriale"],
  ["STRATEGY", 7, "STEER_PARTNERSHIP_STRATEGY", "steer the territorial partnership strategy", "piloter la stratégie partenariale territoriale"],
  ["STRATEGY", 7, "COMMUNICATE_PARTNERSHIP_STRATEGY", "communicate the territorial partnership strategy", "communiquer la stratégie partenariale territoriale"],
  ["STRATEGY", 8, "FACILITATE_POLITICAL_IMPETUS", "facilitate political impetus", "faciliter l'impulsion politique"],
  ["STRATEGY", 8, "SUPPORT_STEERING_BODIES", "support steering bodies", "accompagner les instances de pilotage"],
  ["STRATEGY", 8, "EVALUATE_TERRITORIAL_IMPACT", "evaluate territorial impact", "évaluer l'impact territorial"],
];

export const PRACTICES: readonly Practice[] = grid.map(([axis, situation, key, en, fr]) => ({ key, axis, situation, label: { en, fr } }));
export const PRACTICE_KEYS = PRACTICES.map((p) => p.key) as [string, ...string[]];
export const PRACTICE_SCORE_MAX = 4;
