/** The API's enums and shared shapes, as schema.graphql spells them. */

export const PROFILES = ["ECONOMIC", "GENERAL_INTEREST", "PUBLIC", "ACADEMIC"] as const;
export type Profile = (typeof PROFILES)[number];

export type ActorKind = "ACADEMIC" | "ASSOCIATION" | "COMPANY" | "ESS" | "FOUNDATION" | "INSTITUTION" | "LOCAL_AUTHORITY" | "SIAE";

export const TIE_KINDS = ["ALLIANCE", "MEETING", "JOINT_PROJECT", "RESOURCE_EXCHANGE", "FUNDING"] as const;
export type TieKind = (typeof TIE_KINDS)[number];

export type InteractionKind = "FUNDING" | "JOINT_PROJECT" | "MEETING" | "RESOURCE_EXCHANGE";

/** In the charter's order: later ones mark deeper cooperation. */
export const MODALITIES = ["DIALOGUE", "SHARE", "EXPERIMENT", "CAPITALISE", "EVALUATE", "INNOVATE_TOGETHER", "POOL_RESOURCES"] as const;
export type Modality = (typeof MODALITIES)[number];

export const LEVERS = ["DATA", "TOOLS", "SKILLS", "FINANCE", "ENGINEERING", "LISTENING_TIME", "PROMOTION"] as const;
export type Lever = (typeof LEVERS)[number];

export type MemberRole = "BENEFICIARY" | "EXPERT" | "FUNDER" | "LEAD" | "PARTNER";

export type GrowthStage = "SCATTERED_FRAGMENTS" | "HUB_AND_SPOKE" | "MULTI_HUB_SMALL_WORLD" | "CORE_PERIPHERY";

export type Level = 1 | 2 | 3 | 4;
export const LEVELS: readonly Level[] = [1, 2, 3, 4];

export type TerritoryLevel = "COMMUNE" | "DEPARTEMENT" | "EPCI" | "PROJECT" | "REGION";

/** A text the API gives in both languages, asked for with aliases `fr` and `en`. */
export interface Bilingual {
  fr: string;
  en: string;
}
