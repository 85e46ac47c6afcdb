import type { Profile } from "../../record/generated/prisma/enums.js";
import { PROFILES } from "../../record/vocabulary/lists.js";
import type { BridgeAnswer, EcosystemAnswer, PeerAnswer } from "./queries.js";
import type { ReportData } from "./reportData.js";

/** How many bridge actors the notebook names. */
export const BRIDGE_ACTORS = 5;
/** A profile holding less than half an even share (1/8 of the actors) is under-represented. */
export const UNDER_REPRESENTED_SHARE = 0.5 / PROFILES.length;
/** Peer ecosystems listed. */
export const PEER_ECOSYSTEMS = 6;

export interface ProfileShare {
  profile: Profile;
  count: number;
  /** Of all the ecosystem's actors; 0 when it has none. */
  share: number;
}

export interface FragilePoint {
  actor: BridgeAnswer["actor"];
  pieces: number[];
  disconnectedShare: number;
}

export interface PeerEcosystem {
  ecosystem: NonNullable<PeerAnswer["ecosystem"]>;
  level: number | null;
  /** Actors of this ecosystem with at least one peer there. */
  actorsFromHere: number;
  best: number;
}

/** What the notebook reads from the API's answers: shares, gaps, fragile points, peers gathered. */
export interface ReportAnalysis {
  profiles: ProfileShare[];
  actorCount: number;
  /** Ties between each pair of profiles, PROFILES order, symmetric. */
  pairTies: number[][];
  crossProfileShare: number | null;
  bridges: BridgeAnswer[];
  fragile: FragilePoint[];
  gaps: {
    missing: Profile[];
    underRepresented: Profile[];
    pairsWithoutTie: [Profile, Profile][];
    isolated: string[];
    /** Actors outside the largest connected part (isolated ones included). */
    detached: number;
  };
  peerEcosystems: PeerEcosystem[];
  bridgePeers: { actor: BridgeAnswer["actor"]; peer: PeerAnswer }[];
}

export function analyse(data: ReportData): ReportAnalysis {
  const { ecosystem, ranking, peers } = data;
  const profiles = profileShares(ecosystem);
  const actorCount = profiles.reduce((sum, p) => sum + p.count, 0);
  const pairTies = tiesBetweenProfiles(ecosystem);
  const { stats, nodes } = ecosystem.network;
  const crossing = ecosystem.network.ties.filter((t) => t.crossesProfiles).length;
  const present = PROFILES.filter((_, p) => profiles[p]!.count > 0);
  const pairsWithoutTie: [Profile, Profile][] = [];
  for (let i = 0; i < present.length; i += 1) {
    for (let j = i + 1; j < present.length; j += 1) {
      if (pairTies[PROFILES.indexOf(present[i]!)]![PROFILES.indexOf(present[j]!)] === 0) pairsWithoutTie.push([present[i]!, present[j]!]);
    }
  }
  const bridges = ranking.filter((b) => b.score > 0).slice(0, BRIDGE_ACTORS);
  return {
    profiles,
    actorCount,
    pairTies,
    crossProfileShare: stats.ties === 0 ? null : crossing / stats.ties,
    bridges,
    fragile: fragilePoints(ecosystem, ranking),
    gaps: {
      missing: profiles.filter((p) => p.count === 0).map((p) => p.profile),
      underRepresented: profiles.filter((p) => p.count > 0 && p.share < UNDER_REPRESENTED_SHARE).map((p) => p.profile),
      pairsWithoutTie,
      isolated: nodes.filter((n) => n.degree === 0).map((n) => n.name),
      detached: Math.round(stats.nodes * (1 - stats.largestComponentShare)),
    },
    peerEcosystems: peerEcosystems(peers),
    bridgePeers: bridges.flatMap((b) => {
      const best = peers.get(b.actor.id)?.[0];
      return best ? [{ actor: b.actor, peer: best }] : [];
    }),
  };
}

function profileShares(ecosystem: EcosystemAnswer): ProfileShare[] {
  const total = ecosystem.actorsByProfile.reduce((sum, p) => sum + p.count, 0);
  return PROFILES.map((profile) => {
    const count = ecosystem.actorsByProfile.find((p) => p.profile === profile)?.count ?? 0;
    return { profile, count, share: total === 0 ? 0 : count / total };
  });
}

function tiesBetweenProfiles(ecosystem: EcosystemAnswer): number[][] {
  const profileOf = new Map(ecosystem.network.nodes.map((n) => [n.id, PROFILES.indexOf(n.profile)]));
  const matrix = PROFILES.map(() => PROFILES.map(() => 0));
  for (const tie of ecosystem.network.ties) {
    const [a, b] = [profileOf.get(tie.source), profileOf.get(tie.target)];
    if (a === undefined || b === undefined) continue;
    matrix[a]![b]! += 1;
    if (a !== b) matrix[b]![a]! += 1;
  }
  return matrix;
}

/** The articulation points, with what their leaving breaks, the most damaging first. */
function fragilePoints(ecosystem: EcosystemAnswer, ranking: BridgeAnswer[]): FragilePoint[] {
  const impacts = new Map(ranking.map((b) => [b.actor.id, b]));
  return ecosystem.network.nodes
    .filter((n) => n.isArticulationPoint)
    .flatMap((n) => {
      const ranked = impacts.get(n.id);
      return ranked ? [{ actor: ranked.actor, pieces: ranked.ifRemoved.pieces, disconnectedShare: ranked.ifRemoved.disconnectedShare }] : [];
    })
    .sort((a, b) => b.disconnectedShare - a.disconnectedShare || a.actor.name.localeCompare(b.actor.name));
}

function peerEcosystems(peers: Map<string, PeerAnswer[]>): PeerEcosystem[] {
  const byEcosystem = new Map<string, PeerEcosystem & { from: Set<string> }>();
  for (const [actorId, list] of peers) {
    for (const peer of list) {
      if (!peer.ecosystem) continue;
      let entry = byEcosystem.get(peer.ecosystem.id);
      if (!entry) byEcosystem.set(peer.ecosystem.id, (entry = { ecosystem: peer.ecosystem, level: peer.level, actorsFromHere: 0, best: 0, from: new Set() }));
      entry.from.add(actorId);
      entry.actorsFromHere = entry.from.size;
      entry.best = Math.max(entry.best, peer.score);
    }
  }
  return [...byEcosystem.values()]
    .sort((a, b) => b.actorsFromHere - a.actorsFromHere || b.best - a.best || a.ecosystem.name.localeCompare(b.ecosystem.name))
    .slice(0, PEER_ECOSYSTEMS)
    .map(({ from: _from, ...entry }) => entry);
}
