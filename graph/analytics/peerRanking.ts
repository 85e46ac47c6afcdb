/**
 * graph/analytics/peerRanking: an actor's peers in other ecosystems, ranked once per network
 * version and day; a request takes the head of the ranking it needs.
 */
import { rankPeers, type Peer } from "../ecosystem/peers.js";
import type { GraphEngine } from "../engines/graphEngine.js";
import type { SnapshotOptions } from "../snapshot.js";
import { cachedAnalytic } from "./cacheKeys.js";
import { computedOn, type ComputedOnShape } from "./computedOn.js";
import { maturities } from "./maturities.js";

/** The most peers one request may ask for, and so the most each cached ranking keeps. */
export const MAX_PEERS = 50;

export type RankedPeer = Peer & { actorId: number; computedOn: ComputedOnShape };

/** The actor's best `MAX_PEERS` peers, best first. */
export function peerRanking(graph: GraphEngine, actorId: number, options: SnapshotOptions = {}): Promise<RankedPeer[]> {
  return cachedAnalytic(
    graph,
    { analytic: "peers", actorId },
    async (snapshot) => {
      const v = snapshot.indexOfActor.get(actorId);
      // An actor the engine has not caught up with yet has no place in the network: no peers.
      if (v === undefined) return [];
      const all = await maturities(graph, options);
      const levels = new Map([...all].map(([id, m]) => [id, m.level]));
      return rankPeers(snapshot, v, { k: MAX_PEERS, levelOf: (id) => levels.get(id) ?? null }).map((peer) => ({
        ...peer,
        actorId: snapshot.actorIds[peer.node]!,
        computedOn: computedOn(snapshot),
      }));
    },
    options,
  );
}
