import type { InteractionKind, Modality } from "../record/generated/prisma/enums.js";
import type { NetworkModel } from "./model.js";

/**
 * What the record says about one pair of actors, gathered from every alliance they share
 * (members of an n-ary alliance are tied pairwise) and every interaction they took part in
 * together. These are the raw facts a tie's strength and value are computed from
 * (Granovetter 1973; Marsden & Campbell 1984): how often, how long, how recently, in how many
 * ways, confirmed by both sides or not, how deep, with which means.
 */
export interface TieFeatures {
  /** Actor record ids, a < b. */
  a: number;
  b: number;
  interactions: number;
  alliances: number;
  /** Bit 0: an alliance; bits 1-4: the interaction kinds in KIND_BITS. */
  kinds: number;
  /** Both ends confirmed at least one alliance they share. */
  confirmed: boolean;
  /** Deepest modality used together: 1 (dialogue) to 7 (pool resources), 0 without an alliance. */
  modalityDepth: number;
  /** Bit set of the levers mobilised together (LEVER_BITS). */
  levers: number;
  amountEuros: number;
  intensitySum: number;
  intensityCount: number;
  /** First and last day (days since 1970-01-01) the tie was active. */
  firstDay: number;
  lastDay: number;
}

export const MODALITY_ORDER: readonly Modality[] = ["DIALOGUE", "SHARE", "EXPERIMENT", "CAPITALISE", "EVALUATE", "INNOVATE_TOGETHER", "POOL_RESOURCES"];
export const KIND_BITS: Readonly<Record<InteractionKind, number>> = { MEETING: 2, JOINT_PROJECT: 4, RESOURCE_EXCHANGE: 8, FUNDING: 16 };
export const ALLIANCE_BIT = 1;
export const LEVER_BITS: Readonly<Record<string, number>> = { DATA: 1, TOOLS: 2, SKILLS: 4, FINANCE: 8, ENGINEERING: 16, LISTENING_TIME: 32, PROMOTION: 64 };

const DAY = 86_400_000;
export const dayOf = (date: Date) => Math.floor(date.getTime() / DAY);

export interface TieOptions {
  /** The network as of this day: later alliances and interactions are left out. */
  asOf?: Date | undefined;
}

/** Gathers the features of every tied pair, keyed by `a * 2^32 + b` (a number, no string keys). */
export function gatherTies(model: NetworkModel, options: TieOptions = {}): Map<number, TieFeatures> {
  const asOfDay = options.asOf ? dayOf(options.asOf) : Number.POSITIVE_INFINITY;
  const ties = new Map<number, TieFeatures>();
  const tie = (x: number, y: number): TieFeatures | null => {
    if (x === y || !model.actors.has(x) || !model.actors.has(y)) return null;
    const [a, b] = x < y ? [x, y] : [y, x];
    const key = a * 4_294_967_296 + b;
    let features = ties.get(key);
    if (!features) {
      features = {
        a,
        b,
        interactions: 0,
        alliances: 0,
        kinds: 0,
        confirmed: false,
        modalityDepth: 0,
        levers: 0,
        amountEuros: 0,
        intensitySum: 0,
        intensityCount: 0,
        firstDay: Infinity,
        lastDay: -Infinity,
      };
      ties.set(key, features);
    }
    return features;
  };
  for (const alliance of model.alliances.values()) {
    const start = dayOf(alliance.startDate);
    if (start > asOfDay) continue;
    const end = Math.min(alliance.endDate ? dayOf(alliance.endDate) : asOfDay, asOfDay);
    const depth = Math.max(0, ...alliance.modalities.map((m) => MODALITY_ORDER.indexOf(m) + 1));
    const levers = alliance.levers.reduce((bits, lever) => bits | (LEVER_BITS[lever] ?? 0), 0);
    const { members } = alliance;
    for (let i = 0; i < members.length; i += 1) {
      for (let j = i + 1; j < members.length; j += 1) {
        const features = tie(members[i]!.actorId, members[j]!.actorId);
        if (!features) continue;
        features.alliances += 1;
        features.kinds |= ALLIANCE_BIT;
        features.confirmed ||= members[i]!.confirmedAt !== null && members[j]!.confirmedAt !== null;
        features.modalityDepth = Math.max(features.modalityDepth, depth);
        features.levers |= levers;
        features.firstDay = Math.min(features.firstDay, start);
        features.lastDay = Math.max(features.lastDay, Number.isFinite(end) ? end : start);
      }
    }
  }
  for (const interaction of model.interactions.values()) {
    const day = dayOf(interaction.date);
    if (day > asOfDay) continue;
    const { participants } = interaction;
    for (let i = 0; i < participants.length; i += 1) {
      for (let j = i + 1; j < participants.length; j += 1) {
        const features = tie(participants[i]!, participants[j]!);
        if (!features) continue;
        features.interactions += 1;
        features.kinds |= KIND_BITS[interaction.kind];
        features.amountEuros += interaction.amountEuros ?? 0;
        if (interaction.intensity !== null) {
          features.intensitySum += interaction.intensity;
          features.intensityCount += 1;
        }
        features.firstDay = Math.min(features.firstDay, day);
        features.lastDay = Math.max(features.lastDay, day);
      }
    }
  }
  return ties;
}
