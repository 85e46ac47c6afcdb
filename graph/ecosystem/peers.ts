/**
 * graph/ecosystem/peers: for one actor, its peers in other ecosystems (organisations it could
 * learn from or work with across territories), ranked by an explainable weighted score.
 *
 * score = Σ weight × value over six components, each value in [0, 1], weights in PEER_WEIGHTS
 * (they sum to 1, so the score does too):
 * - sameProfile: 1 when both have the same profile, their place in the quadruple helix.
 * - sameKind: 1 when both have the same finer kind. A kind implies its profile, so a same-kind
 *   peer scores both.
 * - similarPractices: cosine of the two practice-score vectors (G. Salton and M. J. McGill,
 *   "Introduction to Modern Information Retrieval", McGraw-Hill, 1983; graph/similarity.ts),
 *   over the practices both assessed only: a practice one of them never scored says nothing about
 *   how alike they work. 0 when they share fewer than `minCommonPractices` (a cosine over one
 *   or two entries is 1 for almost any pair).
 * - complementaryPractices: the share of those common practices on which the candidate scores at
 *   least `complementaryGap` points (of 4) above the actor: where it could pass on know-how.
 *   Asymmetric on purpose: it ranks the candidate for the actor, not the pair.
 * - maturityFit: 1 when the candidate's ecosystem is at the actor's ecosystem's level, or exactly
 *   one above: peers facing the same needs, or the next ones (the programme's offers are built by
 *   level). 0 otherwise, and 0 for everyone when the actor's ecosystem has no level (or it acts
 *   in none). Levels come from `levelOf`, so this module stays pure.
 * - catalyst: 1 when the candidate is a territorial catalyst: someone whose role is to connect.
 *
 * Candidates are the actors of the programme's other ecosystems (not those in none). Shared
 * partners (Jaccard, Adamic-Adar: D. Liben-Nowell and J. Kleinberg, "The link-prediction problem
 * for social networks", JASIST 58(7), 2007) are left out on purpose: actors of different
 * territories rarely share partners, so that measure would be 0 for nearly every candidate and
 * would only reward the pairs already connected.
 *
 * Cost: one pass over the actors with a 22-entry loop each, then a sort of the candidates;
 * components and reasons are built for the k returned only.
 */
import { PRACTICE_KEYS, PRACTICES } from "../../record/vocabulary/practices.js";
import { NEED_LEVELS } from "../../record/vocabulary/profiles.js";
import type { ActorKind, Profile } from "../../record/generated/prisma/enums.js";
import { cosine } from "../algorithms/similarity.js";
import { PROFILES } from "../../record/vocabulary/lists.js";
import type { NetworkSnapshot } from "../snapshot.js";

export type PeerComponentKey = "sameProfile" | "sameKind" | "similarPractices" | "complementaryPractices" | "maturityFit" | "catalyst";
export type PeerWeights = Record<PeerComponentKey, number>;

/**
 * Profile first among the attributes (a local authority learns most from local authorities),
 * practices alike weighing as much (the grid is the programme's own measure of how an
 * organisation works), the maturity fit next (same needs, same offers), complementarity below
 * similarity (a peer must be comparable before it can be ahead), the kind as a refinement of the
 * profile, and the catalyst role as a small bonus that never outweighs a better match.
 */
export const PEER_WEIGHTS: Readonly<PeerWeights> = {
  sameProfile: 0.25,
  sameKind: 0.1,
  similarPractices: 0.25,
  complementaryPractices: 0.15,
  maturityFit: 0.2,
  catalyst: 0.05,
};

export const PEER_COMPONENT_DESCRIPTIONS: Readonly<Record<PeerComponentKey, { en: string; fr: string }>> = {
  sameProfile: { en: "Same profile (1 or 0)", fr: "Même profil (1 ou 0)" },
  sameKind: { en: "Same kind (1 or 0)", fr: "Même nature (1 ou 0)" },
  similarPractices: { en: "Cosine of the practice scores both assessed", fr: "Cosinus des scores de pratiques évaluées par les deux" },
  complementaryPractices: {
    en: "Share of the common practices where the peer scores 2 points higher or more",
    fr: "Part des pratiques communes où le pair a 2 points de plus ou davantage",
  },
  maturityFit: { en: "Ecosystem at the same maturity level or the next (1 or 0)", fr: "Écosystème au même niveau de maturité ou au suivant (1 ou 0)" },
  catalyst: { en: "The peer is a territorial catalyst (1 or 0)", fr: "Le pair est un catalyseur territorial (1 ou 0)" },
};

export interface PeerOptions {
  /** The maturity level (1-4) of an ecosystem, by record id; null when unknown. */
  levelOf: (ecosystemId: number) => number | null | undefined;
  /** How many peers to return at most. @default 10 */
  k?: number;
  /** Overrides of PEER_WEIGHTS. */
  weights?: Partial<PeerWeights>;
  /** Points (0-4 scale) by which the candidate must lead on a practice to count it. @default 2 */
  complementaryGap?: number;
  /** Fewest practices both assessed for the practice components to count. @default 3 */
  minCommonPractices?: number;
  /** Cosine from which SIMILAR_PRACTICES is given (about the top quarter of demo pairs). @default 0.9 */
  similarPracticesFrom?: number;
  /** Share from which COMPLEMENTARY_PRACTICES is given. @default 0.25 */
  complementaryPracticesFrom?: number;
}

export const DEFAULTS: Readonly<Required<Omit<PeerOptions, "levelOf" | "weights">>> = {
  k: 10,
  complementaryGap: 2,
  minCommonPractices: 3,
  similarPracticesFrom: 0.9,
  complementaryPracticesFrom: 0.25,
};

export type PeerReasonCode =
  | "SAME_PROFILE"
  | "SAME_KIND"
  | "SIMILAR_PRACTICES"
  | "COMPLEMENTARY_PRACTICES"
  | "SAME_MATURITY_LEVEL"
  | "NEXT_MATURITY_LEVEL"
  | "CATALYST";

export interface PeerReason {
  code: PeerReasonCode;
  text: { en: string; fr: string };
}

export interface PeerComponent {
  key: PeerComponentKey;
  value: number;
  weight: number;
  /** weight × value. */
  contribution: number;
}

export interface Peer {
  node: number;
  /** Σ contributions, in [0, 1]. */
  score: number;
  /** The peer's ecosystem (record id) and its level. */
  ecosystemId: number;
  level: number | null;
  components: PeerComponent[];
  /** Why, for each component that adds to the score and passes its threshold. */
  reasons: PeerReason[];
}

const KEYS = Object.keys(PEER_WEIGHTS) as PeerComponentKey[];
const WIDTH = PRACTICE_KEYS.length;

/** The actor's peers in other ecosystems, best first (score descending, then node id). */
export function rankPeers(snapshot: NetworkSnapshot, v: number, options: PeerOptions): Peer[] {
  const settings: Settings = {
    k: options.k ?? DEFAULTS.k,
    complementaryGap: options.complementaryGap ?? DEFAULTS.complementaryGap,
    minCommonPractices: options.minCommonPractices ?? DEFAULTS.minCommonPractices,
    similarPracticesFrom: options.similarPracticesFrom ?? DEFAULTS.similarPracticesFrom,
    complementaryPracticesFrom: options.complementaryPracticesFrom ?? DEFAULTS.complementaryPracticesFrom,
    levelOf: options.levelOf,
    weights: { ...PEER_WEIGHTS, ...options.weights },
  };
  checkInputs(snapshot, v, settings);
  const levels = new Map<number, number | null>();
  const levelOf = (ecosystemId: number) => {
    if (!levels.has(ecosystemId)) levels.set(ecosystemId, ecosystemId < 0 ? null : (settings.levelOf(ecosystemId) ?? null));
    return levels.get(ecosystemId)!;
  };
  const context = {
    snapshot,
    v,
    settings,
    own: levelOf(snapshot.ecosystem[v]!),
    assessed: assessedPractices(snapshot, v),
    scratch: [new Float64Array(WIDTH), new Float64Array(WIDTH)] as const,
  };
  const weightOf = KEYS.map((key) => settings.weights[key]);

  const candidates: number[] = [];
  const scores: number[] = [];
  for (let c = 0; c < snapshot.ecosystem.length; c += 1) {
    const ecosystem = snapshot.ecosystem[c]!;
    if (ecosystem < 0 || ecosystem === snapshot.ecosystem[v]) continue;
    const values = componentValues(context, c, levelOf(ecosystem));
    let score = 0;
    for (let i = 0; i < KEYS.length; i += 1) score += weightOf[i]! * values[KEYS[i]!];
    candidates.push(c);
    scores.push(score);
  }
  const order = candidates.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || candidates[a]! - candidates[b]!);
  return order.slice(0, settings.k).map((i) => {
    const c = candidates[i]!;
    const level = levelOf(snapshot.ecosystem[c]!);
    const values = componentValues(context, c, level);
    const components = KEYS.map((key) => ({ key, value: values[key], weight: settings.weights[key], contribution: settings.weights[key] * values[key] }));
    return { node: c, score: scores[i]!, ecosystemId: snapshot.ecosystem[c]!, level, components, reasons: reasonsFor(context, c, level, components) };
  });
}

type Settings = Required<PeerOptions> & { weights: PeerWeights };
interface RankingContext {
  snapshot: NetworkSnapshot;
  v: number;
  settings: Settings;
  own: number | null;
  assessed: number[];
  scratch: readonly [Float64Array, Float64Array];
}

function checkInputs(snapshot: NetworkSnapshot, v: number, settings: Settings): void {
  if (!Number.isInteger(v) || v < 0 || v >= snapshot.graph.nodeCount) throw new Error(`graph/ecosystem/peers: node ${v} does not exist`);
  if (typeof settings.levelOf !== "function") throw new Error("graph/ecosystem/peers: levelOf must be a function");
  if (!Number.isInteger(settings.k) || settings.k < 0) throw new Error(`graph/ecosystem/peers: k must be a non-negative integer, got ${settings.k}`);
  for (const key of KEYS) {
    const weight = settings.weights[key];
    if (!Number.isFinite(weight) || weight < 0) throw new Error(`graph/ecosystem/peers: weight ${key} must be a non-negative number, got ${weight}`);
  }
}

function assessedPractices(snapshot: NetworkSnapshot, v: number): number[] {
  const practices: number[] = [];
  for (let p = 0; p < WIDTH; p += 1) if (!Number.isNaN(snapshot.practiceScores[v * WIDTH + p]!)) practices.push(p);
  return practices;
}

function componentValues(context: RankingContext, c: number, level: number | null): Record<PeerComponentKey, number> {
  const { snapshot, v, own } = context;
  const practices = practiceValues(context, c);
  return {
    sameProfile: snapshot.profile[c] === snapshot.profile[v] ? 1 : 0,
    sameKind: snapshot.kind[c] === snapshot.kind[v] ? 1 : 0,
    similarPractices: practices.similarity,
    complementaryPractices: practices.complementarity,
    maturityFit: own !== null && level !== null && (level === own || level === own + 1) ? 1 : 0,
    catalyst: snapshot.catalyst[c] === 1 ? 1 : 0,
  };
}

/** Cosine and complementarity over the practices both assessed, with the candidate's leads. */
function practiceValues({ snapshot, v, settings, assessed, scratch }: RankingContext, c: number) {
  const [mine, theirs] = scratch;
  const leads: { practice: number; gap: number }[] = [];
  let common = 0;
  for (const p of assessed) {
    const theirScore = snapshot.practiceScores[c * WIDTH + p]!;
    if (Number.isNaN(theirScore)) continue;
    const myScore = snapshot.practiceScores[v * WIDTH + p]!;
    mine[common] = myScore;
    theirs[common] = theirScore;
    common += 1;
    if (theirScore - myScore >= settings.complementaryGap) leads.push({ practice: p, gap: theirScore - myScore });
  }
  if (common < settings.minCommonPractices) return { similarity: 0, complementarity: 0, common, leads: [] };
  return { similarity: cosine(mine.subarray(0, common), theirs.subarray(0, common)), complementarity: leads.length / common, common, leads };
}

function reasonsFor(context: RankingContext, c: number, level: number | null, components: PeerComponent[]): PeerReason[] {
  const { snapshot, settings, own } = context;
  const counts = (key: PeerComponentKey) => components.find((component) => component.key === key)!.contribution > 0;
  const value = (key: PeerComponentKey) => components.find((component) => component.key === key)!.value;
  const reasons: PeerReason[] = [];
  if (counts("sameProfile")) {
    const label = PROFILE_LABELS[PROFILES[snapshot.profile[c]!]!];
    reasons.push({ code: "SAME_PROFILE", text: { en: `Same profile: ${label.en}`, fr: `Même profil : ${label.fr}` } });
  }
  if (counts("sameKind")) {
    const label = KIND_LABELS[snapshot.kind[c]!];
    reasons.push({ code: "SAME_KIND", text: { en: `Same kind: ${label.en}`, fr: `Même nature : ${label.fr}` } });
  }
  const practices = practiceValues(context, c);
  if (counts("similarPractices") && value("similarPractices") >= settings.similarPracticesFrom) {
    const [en, fr] = [practices.similarity.toFixed(2), practices.similarity.toFixed(2).replace(".", ",")];
    reasons.push({
      code: "SIMILAR_PRACTICES",
      text: {
        en: `Similar practices (cosine ${en} over ${practices.common} practices)`,
        fr: `Pratiques proches (cosinus ${fr} sur ${practices.common} pratiques)`,
      },
    });
  }
  if (counts("complementaryPractices") && value("complementaryPractices") >= settings.complementaryPracticesFrom) {
    // The largest leads first, then the grid's order: the practices most worth asking about.
    const top = [...practices.leads]
      .sort((a, b) => b.gap - a.gap || a.practice - b.practice)
      .slice(0, 3)
      .map((lead) => PRACTICES[lead.practice]!.label);
    const more = practices.leads.length > top.length ? "…" : "";
    const gap = settings.complementaryGap;
    reasons.push({
      code: "COMPLEMENTARY_PRACTICES",
      text: {
        en: `Ahead by ${gap}+ points on ${practices.leads.length} of ${practices.common} practices: ${top.map((l) => l.en).join(", ")}${more}`,
        fr: `En avance de ${gap} points ou plus sur ${practices.leads.length} des ${practices.common} pratiques : ${top.map((l) => l.fr).join(", ")}${more}`,
      },
    });
  }
  if (counts("maturityFit") && level !== null) {
    const name = LEVEL_LABELS[level - 1]!;
    reasons.push(
      level === own
        ? {
            code: "SAME_MATURITY_LEVEL",
            text: {
              en: `Its ecosystem is at the same maturity level (${level}, ${name.en})`,
              fr: `Son écosystème est au même niveau de maturité (${level}, ${name.fr})`,
            },
          }
        : {
            code: "NEXT_MATURITY_LEVEL",
            text: {
              en: `Its ecosystem is one maturity level ahead (${level}, ${name.en})`,
              fr: `Son écosystème a un niveau de maturité d'avance (${level}, ${name.fr})`,
            },
          },
    );
  }
  if (counts("catalyst")) reasons.push({ code: "CATALYST", text: { en: "A territorial catalyst", fr: "Un catalyseur territorial" } });
  return reasons;
}

const PROFILE_LABELS: Readonly<Record<Profile, { en: string; fr: string }>> = {
  ECONOMIC: { en: "economic", fr: "économique" },
  GENERAL_INTEREST: { en: "general interest", fr: "intérêt général" },
  PUBLIC: { en: "public", fr: "public" },
  ACADEMIC: { en: "academic", fr: "académique" },
};

const KIND_LABELS: Readonly<Record<ActorKind, { en: string; fr: string }>> = {
  COMPANY: { en: "company", fr: "entreprise" },
  ESS: { en: "social and solidarity economy", fr: "économie sociale et solidaire" },
  SIAE: { en: "work-integration structure", fr: "structure d'insertion par l'activité économique" },
  ASSOCIATION: { en: "association", fr: "association" },
  FOUNDATION: { en: "foundation", fr: "fondation" },
  LOCAL_AUTHORITY: { en: "local authority", fr: "collectivité territoriale" },
  INSTITUTION: { en: "public institution", fr: "institution publique" },
  ACADEMIC: { en: "academic", fr: "académique" },
};

const LEVEL_LABELS = NEED_LEVELS.map((level) => ({ en: level.key.charAt(0) + level.key.slice(1).toLowerCase(), fr: level.fr }));
