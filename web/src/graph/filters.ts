/**
 * Which actors and ties of a network the filters keep. Pure: the view turns the result into
 * sigma states. Modalities and levers belong to alliances, not to ties (NetworkTie has neither),
 * so a tie passes those filters when its two ends share an alliance that uses one of them.
 */
import type { AllianceSummary, NetworkNode, NetworkTie } from "../api/queries.ts";
import { PROFILES, TIE_KINDS, type Lever, type Modality, type Profile, type TieKind } from "../api/types.ts";

export interface NetworkFilters {
  /** Profiles shown; all by default. */
  profiles: Profile[];
  /** Kinds of tie shown; all by default. A tie shows when one of its kinds is. */
  kinds: TieKind[];
  confirmedOnly: boolean;
  /** Years, inclusive: a tie shows when its first-to-last interval meets them. */
  from: number | null;
  to: number | null;
  /** Empty: no condition. */
  modalities: Modality[];
  levers: Lever[];
}

export const DEFAULT_FILTERS: NetworkFilters = {
  profiles: [...PROFILES],
  kinds: [...TIE_KINDS],
  confirmedOnly: false,
  from: null,
  to: null,
  modalities: [],
  levers: [],
};

export function tieKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** What the alliances of each pair of actors use, by `tieKey`. */
export interface PairAlliances {
  modalities: Set<Modality>;
  levers: Set<Lever>;
}

export function indexAlliances(alliances: readonly AllianceSummary[]): Map<string, PairAlliances> {
  const index = new Map<string, PairAlliances>();
  for (const alliance of alliances) {
    const ids = alliance.members.map((m) => m.actor.id);
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const key = tieKey(ids[i]!, ids[j]!);
        let entry = index.get(key);
        if (!entry) {
          entry = { modalities: new Set(), levers: new Set() };
          index.set(key, entry);
        }
        for (const m of alliance.modalities) entry.modalities.add(m);
        for (const l of alliance.levers) entry.levers.add(l);
      }
    }
  }
  return index;
}

export function tieFiltersActive(f: NetworkFilters): boolean {
  return f.confirmedOnly || f.from !== null || f.to !== null || f.kinds.length < TIE_KINDS.length || f.modalities.length > 0 || f.levers.length > 0;
}

export function filtersActive(f: NetworkFilters): boolean {
  return tieFiltersActive(f) || f.profiles.length < PROFILES.length;
}

export interface FilterResult {
  nodes: Set<string>;
  ties: Set<string>;
  /** Actors hidden only because the tie filters left them without a tie. */
  isolatedHidden: number;
}

/**
 * `alliances` may be null while they load: modality and lever filters then keep nothing but
 * the caller shows that they are loading.
 */
export function applyFilters(
  nodes: readonly NetworkNode[],
  ties: readonly NetworkTie[],
  f: NetworkFilters,
  alliances: Map<string, PairAlliances> | null,
): FilterResult {
  const profiles = new Set(f.profiles);
  const kinds = new Set(f.kinds);
  const fromDay = f.from === null ? null : `${f.from}-01-01`;
  const toDay = f.to === null ? null : `${f.to}-12-31`;
  const keptNodes = new Set<string>();
  for (const node of nodes) if (profiles.has(node.profile)) keptNodes.add(node.id);

  const keptTies = new Set<string>();
  const tied = new Set<string>();
  const hadTie = new Set<string>();
  for (const tie of ties) {
    if (!keptNodes.has(tie.source) || !keptNodes.has(tie.target)) continue;
    hadTie.add(tie.source);
    hadTie.add(tie.target);
    if (f.confirmedOnly && !tie.confirmed) continue;
    if (!tie.kinds.some((k) => kinds.has(k))) continue;
    if (toDay !== null && tie.firstDate > toDay) continue;
    if (fromDay !== null && tie.lastDate < fromDay) continue;
    if (f.modalities.length > 0 || f.levers.length > 0) {
      const pair = alliances?.get(tieKey(tie.source, tie.target));
      if (!pair) continue;
      if (f.modalities.length > 0 && !f.modalities.some((m) => pair.modalities.has(m))) continue;
      if (f.levers.length > 0 && !f.levers.some((l) => pair.levers.has(l))) continue;
    }
    const key = tieKey(tie.source, tie.target);
    keptTies.add(key);
    tied.add(tie.source);
    tied.add(tie.target);
  }

  let isolatedHidden = 0;
  if (tieFiltersActive(f)) {
    // An actor the tie filters cut off from everyone goes; one that never had a tie stays.
    for (const id of [...keptNodes]) {
      if (hadTie.has(id) && !tied.has(id)) {
        keptNodes.delete(id);
        isolatedHidden++;
      }
    }
  }
  return { nodes: keptNodes, ties: keptTies, isolatedHidden };
}
