/**
 * Every query the front-end sends, with the type of its result. Labels the API translates are
 * asked in both languages at once (aliases `fr` and `en`), so switching language never refetches.
 */
import { gqlDocument } from "./client.ts";
import type { ActorKind, Bilingual, GrowthStage, InteractionKind, Lever, MemberRole, Modality, Profile, TerritoryLevel, TieKind } from "./types.ts";

// ---------------------------------------------------------------- overview

export interface OverviewEcosystem {
  id: string;
  name: string;
  source: string;
  needLevel: number | null;
  territory: { code: string; level: TerritoryLevel; overseas: boolean; region: { code: string; name: string } | null };
  actorsByProfile: { profile: Profile; count: number }[];
  maturity: { level: number; composite: number; growthStage: GrowthStage };
}

export const OVERVIEW = gqlDocument<{ ecosystems: { totalCount: number; nodes: OverviewEcosystem[] } }>(`
  query Overview {
    ecosystems(first: 100) {
      totalCount
      nodes {
        id name source needLevel
        territory { code level overseas region { code name } }
        actorsByProfile { profile count }
        maturity { level composite growthStage }
      }
    }
  }
`);

// ---------------------------------------------------------------- ecosystem

export interface NetworkNode {
  id: string;
  name: string;
  profile: Profile;
  kind: ActorKind;
  isCatalyst: boolean;
  inEcosystem: boolean;
  ecosystem: string | null;
  betweenness: number | null;
  bridgeScore: number | null;
  community: number | null;
  constraint: number | null;
  degree: number | null;
  isArticulationPoint: boolean | null;
}

export interface NetworkTie {
  source: string;
  target: string;
  confirmed: boolean;
  crossesProfiles: boolean;
  firstDate: string;
  lastDate: string;
  isBridge: boolean | null;
  kinds: TieKind[];
  strength: number;
  value: number;
}

export interface NetworkStats {
  nodes: number;
  ties: number;
  components: number;
  density: number;
  meanDegree: number;
  largestComponentShare: number;
  articulationPoints: number;
  bridges: number;
  communities: { count: number; modularity: number | null };
  eiIndexByProfile: number | null;
}

export interface Network {
  computedOn: { asOf: string; graphVersion: string };
  nodes: NetworkNode[];
  ties: NetworkTie[];
  stats: NetworkStats;
}

export interface MaturityComponent {
  key: string;
  label: Bilingual;
  value: number | null;
  target: number;
  score: number;
  weight: number;
  contribution: number;
}

export interface Maturity {
  level: number;
  composite: number;
  growthStage: GrowthStage;
  components: MaturityComponent[];
  nextStep: { towardsLevel: number | null; weakest: MaturityComponent[]; offers: Bilingual[] };
}

export interface EcosystemDetail {
  id: string;
  name: string;
  source: string;
  needLevel: number | null;
  accompaniedSince: string;
  territory: { id: string; code: string; level: TerritoryLevel; name: string; population: number | null; region: { code: string; name: string } | null };
  maturity: Maturity;
  network: Network;
}

const BILINGUAL_COMPONENT = `key fr: label(language: FR) en: label(language: EN) value target score weight contribution`;

/** The ecosystem and its whole network in one request; `toEcosystemDetail` folds the labels into `{fr, en}`. */
export const ECOSYSTEM = gqlDocument<{ ecosystem: RawEcosystem | null }, { code: string; level?: TerritoryLevel; outside: boolean }>(`
  query Ecosystem($code: String!, $level: TerritoryLevel, $outside: Boolean!) {
    ecosystem(territoryCode: $code, level: $level) {
      id name source needLevel accompaniedSince
      territory { id code level name population region { code name } }
      maturity {
        level composite growthStage
        components { ${BILINGUAL_COMPONENT} }
        nextStep {
          towardsLevel
          weakest { ${BILINGUAL_COMPONENT} }
          offers { fr: text(language: FR) en: text(language: EN) }
        }
      }
      network(includeOutside: $outside) {
        computedOn { asOf graphVersion }
        nodes { id name profile kind isCatalyst inEcosystem ecosystem betweenness bridgeScore community constraint degree isArticulationPoint }
        ties { source target confirmed crossesProfiles firstDate lastDate isBridge kinds strength value }
        stats {
          nodes ties components density meanDegree largestComponentShare articulationPoints bridges eiIndexByProfile
          communities { count modularity }
        }
      }
    }
  }
`);

type RawComponent = Omit<MaturityComponent, "label"> & Bilingual;
export type RawEcosystem = Omit<EcosystemDetail, "maturity"> & {
  maturity: Omit<Maturity, "components" | "nextStep"> & {
    components: RawComponent[];
    nextStep: { towardsLevel: number | null; weakest: RawComponent[]; offers: Bilingual[] };
  };
};

function component({ fr, en, ...rest }: RawComponent): MaturityComponent {
  return { ...rest, label: { fr, en } };
}

export function toEcosystemDetail(raw: RawEcosystem): EcosystemDetail {
  const { components, nextStep, ...maturity } = raw.maturity;
  return {
    ...raw,
    maturity: { ...maturity, components: components.map(component), nextStep: { ...nextStep, weakest: nextStep.weakest.map(component) } },
  };
}

export interface BridgeActor {
  rank: number;
  score: number;
  actor: { id: string; name: string; profile: Profile };
  ifRemoved: { componentsAfter: number; disconnectedShare: number; pieces: number[] };
}

export const BRIDGE_ACTORS = gqlDocument<{ bridgeActors: BridgeActor[] }, { ecosystem: string; first: number }>(`
  query BridgeActors($ecosystem: ID!, $first: Int!) {
    bridgeActors(first: $first, scope: { ecosystem: $ecosystem }) {
      rank score
      actor { id name profile }
      ifRemoved { componentsAfter disconnectedShare pieces }
    }
  }
`);

/** The alliances with a member in the territory: what modality and lever filters read. */
export interface AllianceSummary {
  id: string;
  modalities: Modality[];
  levers: Lever[];
  members: { actor: { id: string } }[];
}

export interface AlliancesPage {
  alliances: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: AllianceSummary[] };
}

export const ECOSYSTEM_ALLIANCES = gqlDocument<AlliancesPage, { territory: string; after: string | null }>(`
  query EcosystemAlliances($territory: ID!, $after: String) {
    alliances(filter: { territory: $territory }, first: 500, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id modalities levers members { actor { id } } }
    }
  }
`);

// ---------------------------------------------------------------- actor

export interface ActorRef {
  id: string;
  name: string;
  profile: Profile;
}

export interface ActorTerritory {
  name: string;
  code: string;
  level: TerritoryLevel;
  ecosystem: { id: string; name: string; territory: { code: string; level: TerritoryLevel } } | null;
  region: { code: string; name: string } | null;
}

export interface Membership {
  role: MemberRole;
  confirmedAt: string | null;
  alliance: {
    id: string;
    name: string;
    purpose: string | null;
    startDate: string;
    endDate: string | null;
    modalities: Modality[];
    levers: Lever[];
    confirmed: boolean;
    members: { role: MemberRole; actor: ActorRef }[];
  };
}

export interface ActorInteraction {
  id: string;
  date: string;
  kind: InteractionKind;
  intensity: number | null;
  amountEuros: number | null;
  alliance: { id: string; name: string } | null;
  participants: ActorRef[];
}

export interface BridgeContribution {
  component: "ARTICULATION" | "BROKERAGE" | "CROSS_GROUP_BETWEENNESS" | "LOW_CONSTRAINT";
  score: number;
  weight: number;
  contribution: number;
}

export interface ActorMetrics {
  betweenness: number;
  weightedBetweenness: number;
  crossProfileBetweenness: number;
  bridgeScore: number;
  constraint: number | null;
  effectiveSize: number | null;
  degree: number;
  strength: number;
  eiIndex: number | null;
  isArticulationPoint: boolean;
  brokerage: { coordinator: number; gatekeeper: number; itinerant: number; liaison: number; representative: number; total: number; groups: "PROFILE" | "TERRITORY" };
  bridgeBreakdown: BridgeContribution[];
  ifRemoved: { componentsAfter: number; disconnectedShare: number; pieces: number[] };
  algorithm: { betweenness: "EXACT" | "SAMPLED"; errorBound: number };
}

export interface ActorDetail {
  id: string;
  name: string;
  profile: Profile;
  kind: ActorKind;
  isCatalyst: boolean;
  description: string | null;
  website: string | null;
  source: string;
  territories: ActorTerritory[];
  memberships: { totalCount: number; nodes: Membership[] };
  interactions: { totalCount: number; nodes: { interaction: ActorInteraction }[] };
  metrics: ActorMetrics | null;
}

const ACTOR_REF = `id name profile`;

export const ACTOR = gqlDocument<{ node: ActorDetail | null }, { id: string }>(`
  query Actor($id: ID!) {
    node(id: $id) {
      ... on Actor {
        id name profile kind isCatalyst description website source
        territories { name code level region { code name } ecosystem { id name territory { code level } } }
        memberships(first: 200) {
          totalCount
          nodes {
            role confirmedAt
            alliance {
              id name purpose startDate endDate modalities levers confirmed
              members { role actor { ${ACTOR_REF} } }
            }
          }
        }
        interactions(first: 500) {
          totalCount
          nodes { interaction { id date kind intensity amountEuros alliance { id name } participants { ${ACTOR_REF} } } }
        }
        metrics {
          betweenness weightedBetweenness crossProfileBetweenness bridgeScore constraint effectiveSize degree strength eiIndex isArticulationPoint
          brokerage { coordinator gatekeeper itinerant liaison representative total groups }
          bridgeBreakdown { component score weight contribution }
          ifRemoved { componentsAfter disconnectedShare pieces }
          algorithm { betweenness errorBound }
        }
      }
    }
  }
`);

export interface Peer {
  score: number;
  level: number | null;
  actor: ActorRef & { kind: ActorKind; isCatalyst: boolean };
  ecosystem: { id: string; name: string; territory: { code: string; level: TerritoryLevel; region: { code: string; name: string } | null } } | null;
  reasons: { code: string; fr: string; en: string }[];
}

export const PEERS = gqlDocument<{ node: { id: string; name: string; profile: Profile; kind: ActorKind; peers: Peer[] } | null }, { id: string; first: number }>(`
  query Peers($id: ID!, $first: Int!) {
    node(id: $id) {
      ... on Actor {
        id name profile kind
        peers(first: $first) {
          score level
          actor { ${ACTOR_REF} kind isCatalyst }
          ecosystem { id name territory { code level region { code name } } }
          reasons { code fr: text(language: FR) en: text(language: EN) }
        }
      }
    }
  }
`);

export interface IntroductionPath {
  steps: number;
  actors: (ActorRef & { territories: { name: string }[] })[];
  ties: { confirmed: boolean; strength: number }[];
}

export const PATHS = gqlDocument<{ paths: { paths: IntroductionPath[] } }, { from: string; to: string; confirmedOnly: boolean; maxLength: number }>(`
  query Paths($from: ID!, $to: ID!, $confirmedOnly: Boolean!, $maxLength: Int!) {
    paths(from: $from, to: $to, confirmedOnly: $confirmedOnly, maxLength: $maxLength) {
      paths { steps actors { ${ACTOR_REF} territories { name } } ties { confirmed strength } }
    }
  }
`);

export interface ActorSearchHit extends ActorRef {
  kind: ActorKind;
  territories: { name: string }[];
}

export const SEARCH_ACTORS = gqlDocument<{ actors: { totalCount: number; nodes: ActorSearchHit[] } }, { search: string }>(`
  query SearchActors($search: String!) {
    actors(filter: { search: $search }, first: 12) {
      totalCount
      nodes { ${ACTOR_REF} kind territories { name } }
    }
  }
`);

/** An actor's ecosystem network with the actors of other territories tied to it (actor view). */
export const ECOSYSTEM_NETWORK = gqlDocument<
  { ecosystem: { id: string; name: string; network: Pick<Network, "nodes" | "ties"> } | null },
  { code: string; level?: TerritoryLevel }
>(`
  query EcosystemNetwork($code: String!, $level: TerritoryLevel) {
    ecosystem(territoryCode: $code, level: $level) {
      id name
      network(includeOutside: true) {
        nodes { id name profile kind isCatalyst inEcosystem ecosystem betweenness bridgeScore community constraint degree isArticulationPoint }
        ties { source target confirmed crossesProfiles firstDate lastDate isBridge kinds strength value }
      }
    }
  }
`);
