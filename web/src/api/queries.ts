/**
 * Every query the front-end sends, typed by the result and variable types generated from
 * schema.graphql (operations.generated.ts, `npm run graphql:types`); the names below are the parts
 * of those results that the views pass around. Labels the API translates are asked in both
 * languages at once (aliases `fr` and `en`), so switching language never refetches.
 */
import { gqlDocument } from "./client.ts";
import type * as Op from "./operations.generated.ts";
import type { Bilingual } from "./types.ts";

// ---------------------------------------------------------------- overview

export type OverviewEcosystem = Op.OverviewQuery["ecosystems"]["nodes"][number];

export const OVERVIEW = gqlDocument<Op.OverviewQuery, Op.OverviewQueryVariables>(`
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

type RawEcosystem = NonNullable<Op.EcosystemQuery["ecosystem"]>;
type RawMaturity = RawEcosystem["maturity"];
type RawComponent = RawMaturity["components"][number];

export type NetworkNode = RawEcosystem["network"]["nodes"][number];
export type NetworkTie = RawEcosystem["network"]["ties"][number];

/** A maturity component with its label folded into `{fr, en}`. */
export type MaturityComponent = Omit<RawComponent, keyof Bilingual> & { label: Bilingual };
export type Maturity = Omit<RawMaturity, "components" | "nextStep"> & {
  components: MaturityComponent[];
  nextStep: Omit<RawMaturity["nextStep"], "weakest"> & { weakest: MaturityComponent[] };
};
export type EcosystemDetail = Omit<RawEcosystem, "maturity"> & { maturity: Maturity };

const BILINGUAL_COMPONENT = `key fr: label(language: FR) en: label(language: EN) value target score weight contribution`;

/** The ecosystem and its whole network in one request; `toEcosystemDetail` folds the labels into `{fr, en}`. */
export const ECOSYSTEM = gqlDocument<Op.EcosystemQuery, Op.EcosystemQueryVariables>(`
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

export type BridgeActor = Op.BridgeActorsQuery["bridgeActors"][number];

export const BRIDGE_ACTORS = gqlDocument<Op.BridgeActorsQuery, Op.BridgeActorsQueryVariables>(`
  query BridgeActors($ecosystem: ID!, $first: Int!) {
    bridgeActors(first: $first, scope: { ecosystem: $ecosystem }) {
      rank score
      actor { id name profile }
      ifRemoved { componentsAfter disconnectedShare pieces }
    }
  }
`);

/** The alliances with a member in the territory: what modality and lever filters read. */
export type AlliancesPage = Op.EcosystemAlliancesQuery;
export type AllianceSummary = AlliancesPage["alliances"]["nodes"][number];

export const ECOSYSTEM_ALLIANCES = gqlDocument<AlliancesPage, Op.EcosystemAlliancesQueryVariables>(`
  query EcosystemAlliances($territory: ID!, $after: String) {
    alliances(filter: { territory: $territory }, first: 500, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id modalities levers members { actor { id } } }
    }
  }
`);

// ---------------------------------------------------------------- actor

/** `node(id:)` answers `{}` for a node of another type: the actor is the member with an id. */
type ActorOf<T> = Extract<NonNullable<T>, { id: string }>;

export type ActorDetail = ActorOf<Op.ActorQuery["node"]>;
export type Membership = ActorDetail["memberships"]["nodes"][number];
export type ActorInteraction = ActorDetail["interactions"]["nodes"][number]["interaction"];
export type ActorMetrics = NonNullable<ActorDetail["metrics"]>;
export type BridgeContribution = ActorMetrics["bridgeBreakdown"][number];

/** The actor that `node(id:)` found, or null when there is none or the id is another type's. */
export function actorNode<T extends { id: string }>(node: T | Record<PropertyKey, never> | null | undefined): T | null {
  return node && "id" in node ? (node as T) : null;
}

const ACTOR_REF = `id name profile`;

export const ACTOR = gqlDocument<Op.ActorQuery, Op.ActorQueryVariables>(`
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

export type Peer = ActorOf<Op.PeersQuery["node"]>["peers"][number];

export const PEERS = gqlDocument<Op.PeersQuery, Op.PeersQueryVariables>(`
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

export type IntroductionPath = Op.PathsQuery["paths"]["paths"][number];

export const PATHS = gqlDocument<Op.PathsQuery, Op.PathsQueryVariables>(`
  query Paths($from: ID!, $to: ID!, $confirmedOnly: Boolean!, $maxLength: Int!) {
    paths(from: $from, to: $to, confirmedOnly: $confirmedOnly, maxLength: $maxLength) {
      paths { steps actors { ${ACTOR_REF} territories { name } } ties { confirmed strength } }
    }
  }
`);

export type ActorSearchHit = Op.SearchActorsQuery["actors"]["nodes"][number];

export const SEARCH_ACTORS = gqlDocument<Op.SearchActorsQuery, Op.SearchActorsQueryVariables>(`
  query SearchActors($search: String!) {
    actors(filter: { search: $search }, first: 12) {
      totalCount
      nodes { ${ACTOR_REF} kind territories { name } }
    }
  }
`);

/** An actor's ecosystem network with the actors of other territories tied to it (actor view). */
export const ECOSYSTEM_NETWORK = gqlDocument<Op.EcosystemNetworkQuery, Op.EcosystemNetworkQueryVariables>(`
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
