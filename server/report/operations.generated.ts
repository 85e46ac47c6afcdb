// Generated from schema.graphql and the operations of server/report/queries.ts by `npm run graphql:types`: do not edit.

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

/** How a network grows (Krebs & Holley, network weaving). */
export type GrowthStage =
  | 'CORE_PERIPHERY'
  | 'HUB_AND_SPOKE'
  | 'MULTI_HUB_SMALL_WORLD'
  | 'SCATTERED_FRAGMENTS';

export type Language =
  /** English */
  | 'EN'
  /** Français */
  | 'FR';

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

/** The four natures of need, each a maturity level (the integer `level` 1 to 4). */
export type NeedLevel =
  /** Level 1 (Accompagner). */
  | 'ACCOMPANY'
  /** Level 2 (Consolider). */
  | 'CONSOLIDATE'
  /** Level 4 (Inventer). */
  | 'INVENT'
  /** Level 3 (Investir). */
  | 'INVEST';

/** The four actor profiles of the quadruple helix. */
export type Profile =
  | 'ACADEMIC'
  | 'ECONOMIC'
  | 'GENERAL_INTEREST'
  | 'PUBLIC';

/** Four segments by population; thresholds in record/vocabulary/sizeSegment.ts. */
export type SizeSegment =
  | 'MEDIUM_URBAN'
  | 'METROPOLITAN'
  | 'RURAL'
  | 'SMALL_URBAN';

export type TerritoryLevel =
  | 'COMMUNE'
  | 'DEPARTEMENT'
  | 'EPCI'
  | 'PROJECT'
  | 'REGION';

/** The components of an interaction's value; defaults and scales in graph/ecosystem/interactionValue.ts. */
export type ValueComponent =
  | 'CROSS_PROFILE'
  | 'DEPTH'
  | 'DURATION'
  | 'FREQUENCY'
  | 'LEVERS'
  | 'MULTIPLEXITY'
  | 'RECENCY'
  | 'RECIPROCITY'
  | 'RESOURCES'
  | 'STRUCTURAL';

export type ReportBridgesQueryVariables = Exact<{
  ecosystem: string;
  first: number;
  language: Language;
}>;


export type ReportBridgesQuery = { bridgeActors: Array<{ rank: number, score: number, actor: { id: string, name: string, profile: Profile, kind: ActorKind, isCatalyst: boolean }, breakdown: Array<{ component: BridgeComponent, label: string, contribution: number }>, ifRemoved: { componentsAfter: number, disconnectedShare: number, pieces: Array<number> } }> };

export type ReportEcosystemQueryVariables = Exact<{
  code: string;
  language: Language;
}>;


export type ReportEcosystemQuery = { ecosystem: { id: string, name: string, source: string, accompaniedSince: string, needLevel: number | null, territory: { code: string, name: string, level: TerritoryLevel, population: number | null, sizeSegment: SizeSegment | null, overseas: boolean, region: { name: string } | null }, actorsByProfile: Array<{ profile: Profile, count: number }>, maturity: { level: number, levelName: NeedLevel, composite: number, growthStage: GrowthStage, components: Array<{ key: MaturityComponentKey, label: string, value: number | null, target: number, score: number, weight: number, contribution: number }>, nextStep: { towardsLevel: number | null, weakest: Array<{ key: MaturityComponentKey, label: string, value: number | null, target: number, score: number }>, offers: Array<{ text: string }> }, computedOn: { graphVersion: string, asOf: string } }, interactionValue: { ties: number, total: number, mean: number, breakdown: Array<{ component: ValueComponent, weight: number, contribution: number }> }, network: { nodes: Array<{ id: string, name: string, profile: Profile, kind: ActorKind, isCatalyst: boolean, degree: number | null, bridgeScore: number | null, isArticulationPoint: boolean | null }>, ties: Array<{ source: string, target: string, strength: number, crossesProfiles: boolean, isBridge: boolean | null }>, stats: { nodes: number, ties: number, density: number, meanDegree: number, components: number, largestComponentShare: number, articulationPoints: number, bridges: number, eiIndexByProfile: number | null, degreeCentralization: number, communities: { count: number, modularity: number | null } } } } | null };

export type ReportPeersQueryVariables = Exact<{
  code: string;
  after?: string | null | undefined;
  first: number;
  peers: number;
  language: Language;
}>;


export type ReportPeersQuery = { ecosystem: { actors: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, peers: Array<{ score: number, level: number | null, actor: { name: string, profile: Profile }, ecosystem: { id: string, name: string, territory: { code: string } } | null, reasons: Array<{ text: string }> }> }> } } | null };
