/**
 * The GraphQL operations the observation notebook is built from. They run in process against the
 * API's own schema as an anonymous viewer (server/report/runQuery.ts), so the report shows what
 * the public API answers, nothing more: no person, no contact. Each operation stays within the
 * default complexity budget (schema/limits.ts), which is why the ranking and the peers are asked
 * separately and the peers page by page. Their result and variable types are generated from
 * schema.graphql (operations.generated.ts, `npm run graphql:types`).
 */
import type * as Op from "./operations.generated.js";

/** An operation's text with its generated result and variable types, which runQuery hands on. */
export interface Operation<TData, TVars> {
  readonly text: string;
  /** Never set: carries the types. */
  readonly __types?: { data: TData; vars: TVars };
}

const operation = <TData, TVars>(text: string): Operation<TData, TVars> => ({ text });

export const ECOSYSTEM_QUERY = operation<Op.ReportEcosystemQuery, Op.ReportEcosystemQueryVariables>(/* GraphQL */ `
  query ReportEcosystem($code: String!, $language: Language!) {
    ecosystem(territoryCode: $code) {
      id
      name
      source
      accompaniedSince
      needLevel
      territory {
        code
        name
        level
        population
        sizeSegment
        overseas
        region {
          name
        }
      }
      actorsByProfile {
        profile
        count
      }
      maturity {
        level
        levelName
        composite
        growthStage
        components {
          key
          label(language: $language)
          value
          target
          score
          weight
          contribution
        }
        nextStep {
          towardsLevel
          weakest {
            key
            label(language: $language)
            value
            target
            score
          }
          offers {
            text(language: $language)
          }
        }
        computedOn {
          graphVersion
          asOf
        }
      }
      interactionValue {
        ties
        total
        mean
        breakdown {
          component
          weight
          contribution
        }
      }
      network {
        nodes {
          id
          name
          profile
          kind
          isCatalyst
          degree
          bridgeScore
          isArticulationPoint
        }
        ties {
          source
          target
          strength
          crossesProfiles
          isBridge
        }
        stats {
          nodes
          ties
          density
          meanDegree
          components
          largestComponentShare
          articulationPoints
          bridges
          eiIndexByProfile
          degreeCentralization
          communities {
            count
            modularity
          }
        }
      }
    }
  }
`);

/** The whole ranking: its head is the bridge actors, and it carries every actor's removal impact. */
export const BRIDGES_QUERY = operation<Op.ReportBridgesQuery, Op.ReportBridgesQueryVariables>(/* GraphQL */ `
  query ReportBridges($ecosystem: ID!, $first: Int!, $language: Language!) {
    bridgeActors(scope: { ecosystem: $ecosystem }, first: $first) {
      rank
      score
      actor {
        id
        name
        profile
        kind
        isCatalyst
      }
      breakdown {
        component
        label(language: $language)
        contribution
      }
      ifRemoved {
        componentsAfter
        disconnectedShare
        pieces
      }
    }
  }
`);

/** The peers of the ecosystem's actors, one page of actors at a time. */
export const PEERS_QUERY = operation<Op.ReportPeersQuery, Op.ReportPeersQueryVariables>(/* GraphQL */ `
  query ReportPeers($code: String!, $after: String, $first: Int!, $peers: Int!, $language: Language!) {
    ecosystem(territoryCode: $code) {
      actors(first: $first, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          peers(first: $peers, language: $language) {
            score
            level
            actor {
              name
              profile
            }
            ecosystem {
              id
              name
              territory {
                code
              }
            }
            reasons {
              text
            }
          }
        }
      }
    }
  }
`);

/** The parts of the answers that the notebook passes around. */
export type EcosystemAnswer = NonNullable<Op.ReportEcosystemQuery["ecosystem"]>;
export type BridgeAnswer = Op.ReportBridgesQuery["bridgeActors"][number];
export type PeersPage = Op.ReportPeersQuery;
export type PeerAnswer = NonNullable<PeersPage["ecosystem"]>["actors"]["nodes"][number]["peers"][number];
