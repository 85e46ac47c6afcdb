import type { TieFeatures } from "../tieFeatures.js";
import { popcount } from "../bits.js";

/**
 * The value of a tie: a weighted sum of components, each scaled to [0, 1], after Granovetter
 * (1973, "The strength of weak ties": time, emotional intensity, intimacy, reciprocal services)
 * as operationalised by Marsden & Campbell (1984, "Measuring tie strength": frequency, duration,
 * recency, multiplexity, reciprocity), with the programme's own dimensions on top: the depth of
 * the modalities used together, the levers mobilised, whether the tie crosses profiles, and its
 * structural position (a tie that bridges parts of the network is worth more; Burt 1992).
 *
 * Weights are parameters; these defaults sum to 1 so a value reads as a share of the best tie.
 * The components without `structural` give the tie's *strength*, the weight the network
 * algorithms use; `structural` needs the network itself and is added afterwards.
 */
export interface InteractionValueWeights {
  frequency: number;
  duration: number;
  recency: number;
  multiplexity: number;
  reciprocity: number;
  depth: number;
  levers: number;
  resources: number;
  crossProfile: number;
  structural: number;
}

export const DEFAULT_VALUE_WEIGHTS: Readonly<InteractionValueWeights> = Object.freeze({
  frequency: 0.2,
  duration: 0.1,
  recency: 0.15,
  multiplexity: 0.1,
  reciprocity: 0.1,
  depth: 0.1,
  levers: 0.05,
  resources: 0.05,
  crossProfile: 0.05,
  structural: 0.1,
});

/** Scales of the components: where each reaches about two thirds (1 - 1/e) or its maximum. */
export const VALUE_SCALES = Object.freeze({
  /** Interactions for a frequency of 1 - 1/e. */
  interactions: 3,
  /** A tie active this many days has the full duration component. */
  fullDurationDays: 3 * 365,
  /** Recency halves every this many days since the tie was last active. */
  recencyHalfLifeDays: 365,
  /** Euros exchanged for a resources component of 1 - 1/e. */
  euros: 20_000,
  modalities: 7,
  levers: 7,
  /** Alliance + the four interaction kinds. */
  kinds: 5,
});

export type ValueComponent = keyof InteractionValueWeights;
export type ValueBreakdown = Record<ValueComponent, number>;

export interface TieContext {
  /** The day values are computed on (days since 1970-01-01): recency counts back from it. */
  today: number;
  crossesProfiles: boolean;
  /** In [0, 1]: 1 for a bridge tie; see graph/ecosystem/structuralPosition.ts. */
  structural: number;
}

/** Each component of a tie in [0, 1], before weighting. */
export function valueComponents(tie: TieFeatures, context: TieContext): ValueBreakdown {
  const kinds = popcount(tie.kinds);
  const days = Math.max(0, tie.lastDay - tie.firstDay);
  const age = Math.max(0, context.today - tie.lastDay);
  return {
    frequency: 1 - Math.exp(-(tie.interactions + tie.alliances) / VALUE_SCALES.interactions),
    duration: Math.min(1, days / VALUE_SCALES.fullDurationDays),
    recency: Number.isFinite(age) ? Math.pow(0.5, age / VALUE_SCALES.recencyHalfLifeDays) : 0,
    multiplexity: kinds <= 1 ? 0 : (kinds - 1) / (VALUE_SCALES.kinds - 1),
    reciprocity: tie.confirmed ? 1 : 0,
    depth: tie.modalityDepth / VALUE_SCALES.modalities,
    levers: popcount(tie.levers) / VALUE_SCALES.levers,
    resources: 1 - Math.exp(-tie.amountEuros / VALUE_SCALES.euros),
    crossProfile: context.crossesProfiles ? 1 : 0,
    structural: Math.min(1, Math.max(0, context.structural)),
  };
}

export interface TieValue {
  value: number;
  /** Each component's weighted contribution; they sum to `value`. */
  contributions: ValueBreakdown;
  components: ValueBreakdown;
}

export function tieValue(tie: TieFeatures, context: TieContext, weights: InteractionValueWeights = DEFAULT_VALUE_WEIGHTS): TieValue {
  const components = valueComponents(tie, context);
  const contributions = {} as ValueBreakdown;
  let value = 0;
  for (const key of Object.keys(components) as ValueComponent[]) {
    contributions[key] = components[key] * weights[key];
    value += contributions[key];
  }
  return { value, contributions, components };
}

/**
 * The tie's strength for the network algorithms: its value without the structural component
 * (which depends on the algorithms' own results), never below a floor so every tie keeps a
 * finite length when strengths become distances.
 */
export const MIN_STRENGTH = 0.01;

export function tieStrength(tie: TieFeatures, context: Omit<TieContext, "structural">, weights: InteractionValueWeights = DEFAULT_VALUE_WEIGHTS): number {
  const { value } = tieValue(tie, { ...context, structural: 0 }, { ...weights, structural: 0 });
  return Math.max(MIN_STRENGTH, value);
}
