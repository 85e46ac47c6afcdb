import { ActorKind, InteractionKind, Lever, Modality, Profile, TerritoryLevel } from "../generated/prisma/enums.js";

/**
 * The domain's ordered lists, one each, in the order of prisma/schema.prisma's enums (the
 * programme's own order): every layer, and the web, reads them from here. The order is meaning,
 * not chance: profiles index typed arrays (graph/snapshot.ts), later modalities mark deeper
 * cooperation, and reports and maps list them in this order.
 */
export const PROFILES: readonly Profile[] = Object.values(Profile);
export const ACTOR_KINDS: readonly ActorKind[] = Object.values(ActorKind);
export const MODALITIES: readonly Modality[] = Object.values(Modality);
export const LEVERS: readonly Lever[] = Object.values(Lever);
export const INTERACTION_KINDS: readonly InteractionKind[] = Object.values(InteractionKind);
export const TERRITORY_LEVELS: readonly TerritoryLevel[] = Object.values(TerritoryLevel);
