/**
 * The API's enums as the map uses them: their types as schema.graphql spells them (generated),
 * their lists, in the order the map shows them, from the domain's vocabulary.
 */
import { INTERACTION_KINDS } from "../../../record/vocabulary/lists.ts";
import { NEED_LEVELS } from "../../../record/vocabulary/profiles.ts";
import type { TieKind } from "./operations.generated.ts";

export { INTERACTION_KINDS, LEVERS, MODALITIES, PROFILES, TERRITORY_LEVELS } from "../../../record/vocabulary/lists.ts";
export type {
  ActorKind,
  BridgeComponent,
  GrowthStage,
  InteractionKind,
  Lever,
  MemberRole,
  Modality,
  Profile,
  TerritoryLevel,
  TieKind,
} from "./operations.generated.ts";

/** A tie is an alliance shared or interactions of a kind (schema/network.ts), listed in that order. */
export const TIE_KINDS: readonly TieKind[] = ["ALLIANCE", ...INTERACTION_KINDS];

export type Level = (typeof NEED_LEVELS)[number]["level"];
export const LEVELS: readonly Level[] = NEED_LEVELS.map((need) => need.level);

/** A text the API gives in both languages, asked for with aliases `fr` and `en`. */
export interface Bilingual {
  fr: string;
  en: string;
}
