import { decodeGlobalID } from "@pothos/plugin-relay";
import { ecosystemHistory, type HistoryPoint } from "./history.js";
import { BRIDGES_QUERY, ECOSYSTEM_QUERY, PEERS_QUERY, type BridgeAnswer, type EcosystemAnswer, type PeerAnswer, type PeersPage } from "./queries.js";
import { runQuery, type ReportDeps } from "./runQuery.js";
import type { Language } from "./texts.js";

/** Everything one notebook shows, as the API answered it, before any rendering. */
export interface ReportData {
  ecosystem: EcosystemAnswer;
  /** The whole bridge ranking, highest score first. */
  ranking: BridgeAnswer[];
  /** The best peers of each of the ecosystem's actors, by actor global id. */
  peers: Map<string, PeerAnswer[]>;
  history: HistoryPoint[];
}

/** The longest ranking the API serves (schema/bridgeActors.ts MAX_BRIDGE_ACTORS). */
const RANKING_LENGTH = 200;
/** Peers asked for each actor, and actors per page: within the API's complexity budget. */
export const PEERS_PER_ACTOR = 3;
const ACTORS_PER_PAGE = 50;

/**
 * Gathers a territory's notebook, or null when the territory has no ecosystem (or does not
 * exist). Labels the API translates come in `language`.
 */
export async function gatherReport(deps: ReportDeps, territoryCode: string, language: Language): Promise<ReportData | null> {
  const apiLanguage = language === "en" ? "EN" : "FR";
  const { ecosystem } = await runQuery(deps, ECOSYSTEM_QUERY, { code: territoryCode, language: apiLanguage });
  if (!ecosystem) return null;
  const [ranking, peers, history] = await Promise.all([
    runQuery(deps, BRIDGES_QUERY, { ecosystem: ecosystem.id, first: RANKING_LENGTH, language: apiLanguage }).then((r) => r.bridgeActors),
    peersOf(deps, territoryCode, apiLanguage),
    ecosystemHistory(deps.graph, Number(decodeGlobalID(ecosystem.id).id), new Date(ecosystem.accompaniedSince)),
  ]);
  return { ecosystem, ranking, peers, history };
}

async function peersOf(deps: ReportDeps, code: string, language: "FR" | "EN"): Promise<Map<string, PeerAnswer[]>> {
  const peers = new Map<string, PeerAnswer[]>();
  let after: string | null = null;
  for (;;) {
    const page: PeersPage = await runQuery(deps, PEERS_QUERY, { code, after, first: ACTORS_PER_PAGE, peers: PEERS_PER_ACTOR, language });
    const actors = page.ecosystem?.actors;
    if (!actors) return peers;
    for (const actor of actors.nodes) peers.set(actor.id, actor.peers);
    if (!actors.pageInfo.hasNextPage || !actors.pageInfo.endCursor) return peers;
    after = actors.pageInfo.endCursor;
  }
}
