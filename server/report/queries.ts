/**
 * The GraphQL operations the observation notebook is built from. They run in process against the
 * API's own schema as an anonymous viewer (server/report/runQuery.ts), so the report shows what
 * the public API answers, nothing more: no person, no contact. Each operation stays within the
 * default complexity budget (schema/limits.ts), which is why the ranking and the peers are asked
 * separately and the peers page by page.
 */

export const ECOSYSTEM_QUERY = /* GraphQL */ `
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
`;

/** The whole ranking: its head is the bridge actors, and it carries every actor's removal impact. */
export const BRIDGES_QUERY = /* GraphQL */ `
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
`;

/** The peers of the ecosystem's actors, one page of actors at a time. */
export const PEERS_QUERY = /* GraphQL */ `
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
`;

type Profile = "ECONOMIC" | "GENERAL_INTEREST" | "PUBLIC" | "ACADEMIC";

/** The answers, as the documents above select them. */
export interface EcosystemAnswer {
  id: string;
  name: string;
  source: string;
  accompaniedSince: string;
  needLevel: number | null;
  territory: { code: string; name: string; level: string; population: number | null; sizeSegment: string | null; overseas: boolean; region: { name: string } | null };
  actorsByProfile: { profile: Profile; count: number }[];
  maturity: {
    level: 1 | 2 | 3 | 4;
    levelName: string;
    composite: number;
    growthStage: "SCATTERED_FRAGMENTS" | "HUB_AND_SPOKE" | "MULTI_HUB_SMALL_WORLD" | "CORE_PERIPHERY";
    components: { key: string; label: string; value: number | null; target: number; score: number; weight: number; contribution: number }[];
    nextStep: { towardsLevel: number | null; weakest: { key: string; label: string; value: number | null; target: number; score: number }[]; offers: { text: string }[] };
    computedOn: { graphVersion: string; asOf: string };
  };
  interactionValue: { ties: number; total: number; mean: number; breakdown: { component: string; weight: number; contribution: number }[] };
  network: {
    nodes: { id: string; name: string; profile: Profile; kind: string; isCatalyst: boolean; degree: number | null; bridgeScore: number | null; isArticulationPoint: boolean | null }[];
    ties: { source: string; target: string; strength: number; crossesProfiles: boolean; isBridge: boolean | null }[];
    stats: {
      nodes: number;
      ties: number;
      density: number;
      meanDegree: number;
      components: number;
      largestComponentShare: number;
      articulationPoints: number;
      bridges: number;
      eiIndexByProfile: number | null;
      degreeCentralization: number;
      communities: { count: number; modularity: number | null };
    };
  };
}

export interface BridgeAnswer {
  rank: number;
  score: number;
  actor: { id: string; name: string; profile: Profile; kind: string; isCatalyst: boolean };
  breakdown: { component: string; label: string; contribution: number }[];
  ifRemoved: { componentsAfter: number; disconnectedShare: number; pieces: number[] };
}

export interface PeerAnswer {
  score: number;
  level: number | null;
  actor: { name: string; profile: Profile };
  ecosystem: { id: string; name: string; territory: { code: string } } | null;
  reasons: { text: string }[];
}

export interface PeersPage {
  ecosystem: { actors: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: { id: string; peers: PeerAnswer[] }[] } } | null;
}
