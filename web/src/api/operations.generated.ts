// Generated from schema.graphql and the operations of web/src/api/queries.ts by `npm run graphql:types`: do not edit.

/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** The finer kind under a profile. */
export type ActorKind =
  | 'ACADEMIC'
  | 'ASSOCIATION'
  | 'COMPANY'
  | 'ESS'
  | 'FOUNDATION'
  | 'INSTITUTION'
  | 'LOCAL_AUTHORITY'
  | 'SIAE';

export type BetweennessMethod =
  | 'EXACT'
  | 'SAMPLED';

/** The components of the bridge score; weights in graph/ecosystem/bridgeModel.ts. */
export type BridgeComponent =
  /** Whether the network splits without the actor, and the share of pairs of actors that would lose every path, relative to the highest */
  | 'ARTICULATION'
  /** Brokerage between unconnected actors of different groups (representative, gatekeeper, liaison), relative to the highest in the scope */
  | 'BROKERAGE'
  /** Shortest paths between actors of different groups that run through the actor, relative to the highest in the scope */
  | 'CROSS_GROUP_BETWEENNESS'
  /** 1 - Burt's constraint: contacts that are not tied to each other (structural holes) */
  | 'LOW_CONSTRAINT';

export type BrokerageGroups =
  | 'PROFILE'
  | 'TERRITORY';

/** How a network grows (Krebs & Holley, network weaving). */
export type GrowthStage =
  | 'CORE_PERIPHERY'
  | 'HUB_AND_SPOKE'
  | 'MULTI_HUB_SMALL_WORLD'
  | 'SCATTERED_FRAGMENTS';

export type InteractionKind =
  | 'FUNDING'
  | 'JOINT_PROJECT'
  | 'MEETING'
  | 'RESOURCE_EXCHANGE';

/** The seven levers an accompaniment mobilises. */
export type Lever =
  | 'DATA'
  | 'ENGINEERING'
  | 'FINANCE'
  | 'LISTENING_TIME'
  | 'PROMOTION'
  | 'SKILLS'
  | 'TOOLS';

export type MaturityComponentKey =
  /** Mean number of partners per actor inside the ecosystem */
  | 'cohesion'
  /** Share of actors in the largest connected part */
  | 'connectedness'
  /** Share of ties that cross profiles */
  | 'crossProfileTies'
  /** Stage of growth: 1 scattered fragments, 2 hub-and-spoke, 3 multi-hub small world, 4 core/periphery */
  | 'growthStage'
  /** Mean number of levers mobilised per alliance tie (of 7) */
  | 'leversMobilised'
  /** Mean depth of the modalities used together (1 dialogue to 7 pool resources) */
  | 'modalityDepth'
  /** Share of actors tied to another territory */
  | 'outwardTies'
  /** Mean self-assessed practice score of its actors (0-4) */
  | 'practices'
  /** Balance of the four profiles (normalised Shannon entropy) */
  | 'profileBalance'
  /** Profiles present among the actors (of 4) */
  | 'profilePresence';

export type MemberRole =
  | 'BENEFICIARY'
  | 'EXPERT'
  | 'FUNDER'
  | 'LEAD'
  | 'PARTNER';

/** The seven modalities of acting together; later ones mark deeper cooperation. */
export type Modality =
  | 'CAPITALISE'
  | 'DIALOGUE'
  | 'EVALUATE'
  | 'EXPERIMENT'
  | 'INNOVATE_TOGETHER'
  | 'POOL_RESOURCES'
  | 'SHARE';

export type PeerReasonCode =
  | 'CATALYST'
  | 'COMPLEMENTARY_PRACTICES'
  | 'NEXT_MATURITY_LEVEL'
  | 'SAME_KIND'
  | 'SAME_MATURITY_LEVEL'
  | 'SAME_PROFILE'
  | 'SIMILAR_PRACTICES';

/** The four actor profiles of the quadruple helix. */
export type Profile =
  | 'ACADEMIC'
  | 'ECONOMIC'
  | 'GENERAL_INTEREST'
  | 'PUBLIC';

export type TerritoryLevel =
  | 'COMMUNE'
  | 'DEPARTEMENT'
  | 'EPCI'
  | 'PROJECT'
  | 'REGION';

/** What a tie is made of: an alliance shared, or interactions of a kind. */
export type TieKind =
  | 'ALLIANCE'
  | 'FUNDING'
  | 'JOINT_PROJECT'
  | 'MEETING'
  | 'RESOURCE_EXCHANGE';

export type ActorQueryVariables = Exact<{
  id: string;
}>;


export type ActorQuery = { node:
    | { id: string, name: string, profile: Profile, kind: ActorKind, isCatalyst: boolean, description: string | null, website: string | null, source: string, territories: Array<{ name: string, code: string, level: TerritoryLevel, region: { code: string, name: string } | null, ecosystem: { id: string, name: string, territory: { code: string, level: TerritoryLevel } } | null }>, memberships: { totalCount: number, nodes: Array<{ role: MemberRole, confirmedAt: string | null, alliance: { id: string, name: string, purpose: string | null, startDate: string, endDate: string | null, modalities: Array<Modality>, levers: Array<Lever>, confirmed: boolean, members: Array<{ role: MemberRole, actor: { id: string, name: string, profile: Profile } }> } }> }, interactions: { totalCount: number, nodes: Array<{ interaction: { id: string, date: string, kind: InteractionKind, intensity: number | null, amountEuros: number | null, alliance: { id: string, name: string } | null, participants: Array<{ id: string, name: string, profile: Profile }> } }> }, metrics: { betweenness: number, weightedBetweenness: number, crossProfileBetweenness: number, bridgeScore: number, constraint: number | null, effectiveSize: number | null, degree: number, strength: number, eiIndex: number | null, isArticulationPoint: boolean, brokerage: { coordinator: number, gatekeeper: number, itinerant: number, liaison: number, representative: number, total: number, groups: BrokerageGroups }, bridgeBreakdown: Array<{ component: BridgeComponent, score: number, weight: number, contribution: number }>, ifRemoved: { componentsAfter: number, disconnectedShare: number, pieces: Array<number> }, algorithm: { betweenness: BetweennessMethod, errorBound: number } } | null }
    | Record<PropertyKey, never>
   | null };

export type BridgeActorsQueryVariables = Exact<{
  ecosystem: string;
  first: number;
}>;


export type BridgeActorsQuery = { bridgeActors: Array<{ rank: number, score: number, actor: { id: string, name: string, profile: Profile }, ifRemoved: { componentsAfter: number, disconnectedShare: number, pieces: Array<number> } }> };

export type EcosystemQueryVariables = Exact<{
  code: string;
  level?: TerritoryLevel | null | undefined;
  outside: boolean;
}>;


export type EcosystemQuery = { ecosystem: { id: string, name: string, source: string, needLevel: number | null, accompaniedSince: string, territory: { id: string, code: string, level: TerritoryLevel, name: string, population: number | null, region: { code: string, name: string } | null }, maturity: { level: number, composite: number, growthStage: GrowthStage, components: Array<{ key: MaturityComponentKey, value: number | null, target: number, score: number, weight: number, contribution: number, fr: string, en: string }>, nextStep: { towardsLevel: number | null, weakest: Array<{ key: MaturityComponentKey, value: number | null, target: number, score: number, weight: number, contribution: number, fr: string, en: string }>, offers: Array<{ fr: string, en: string }> } }, network: { computedOn: { asOf: string, graphVersion: string }, nodes: Array<{ id: string, name: string, profile: Profile, kind: ActorKind, isCatalyst: boolean, inEcosystem: boolean, ecosystem: string | null, betweenness: number | null, bridgeScore: number | null, community: number | null, constraint: number | null, degree: number | null, isArticulationPoint: boolean | null }>, ties: Array<{ source: string, target: string, confirmed: boolean, crossesProfiles: boolean, firstDate: string, lastDate: string, isBridge: boolean | null, kinds: Array<TieKind>, strength: number, value: number }>, stats: { nodes: number, ties: number, components: number, density: number, meanDegree: number, largestComponentShare: number, articulationPoints: number, bridges: number, eiIndexByProfile: number | null, communities: { count: number, modularity: number | null } } } } | null };

export type EcosystemAlliancesQueryVariables = Exact<{
  territory: string;
  after?: string | null | undefined;
}>;


export type EcosystemAlliancesQuery = { alliances: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, modalities: Array<Modality>, levers: Array<Lever>, members: Array<{ actor: { id: string } }> }> } };

export type EcosystemNetworkQueryVariables = Exact<{
  code: string;
  level?: TerritoryLevel | null | undefined;
}>;


export type EcosystemNetworkQuery = { ecosystem: { id: string, name: string, network: { nodes: Array<{ id: string, name: string, profile: Profile, kind: ActorKind, isCatalyst: boolean, inEcosystem: boolean, ecosystem: string | null, betweenness: number | null, bridgeScore: number | null, community: number | null, constraint: number | null, degree: number | null, isArticulationPoint: boolean | null }>, ties: Array<{ source: string, target: string, confirmed: boolean, crossesProfiles: boolean, firstDate: string, lastDate: string, isBridge: boolean | null, kinds: Array<TieKind>, strength: number, value: number }> } } | null };

export type OverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type OverviewQuery = { ecosystems: { totalCount: number, nodes: Array<{ id: string, name: string, source: string, needLevel: number | null, territory: { code: string, level: TerritoryLevel, overseas: boolean, region: { code: string, name: string } | null }, actorsByProfile: Array<{ profile: Profile, count: number }>, maturity: { level: number, composite: number, growthStage: GrowthStage } }> } };

export type PathsQueryVariables = Exact<{
  from: string;
  to: string;
  confirmedOnly: boolean;
  maxLength: number;
}>;


export type PathsQuery = { paths: { paths: Array<{ steps: number, actors: Array<{ id: string, name: string, profile: Profile, territories: Array<{ name: string }> }>, ties: Array<{ confirmed: boolean, strength: number }> }> } };

export type PeersQueryVariables = Exact<{
  id: string;
  first: number;
}>;


export type PeersQuery = { node:
    | { id: string, name: string, profile: Profile, kind: ActorKind, peers: Array<{ score: number, level: number | null, actor: { id: string, name: string, profile: Profile, kind: ActorKind, isCatalyst: boolean }, ecosystem: { id: string, name: string, territory: { code: string, level: TerritoryLevel, region: { code: string, name: string } | null } } | null, reasons: Array<{ code: PeerReasonCode, fr: string, en: string }> }> }
    | Record<PropertyKey, never>
   | null };

export type SearchActorsQueryVariables = Exact<{
  search: string;
}>;


export type SearchActorsQuery = { actors: { totalCount: number, nodes: Array<{ id: string, name: string, profile: Profile, kind: ActorKind, territories: Array<{ name: string }> }> } };
