import type { Prisma } from "../record/generated/prisma/client.js";
import type { ActorKind, Profile } from "../record/generated/prisma/enums.js";
import type { Context } from "./context.js";
import { territoryScopes } from "./loaders.js";
import { regionPrefix, territoryUnder } from "../record/territoryScope.js";
import { builder } from "./builder.js";
import { Territory } from "./territory.js";
import { ActorKindEnum, ProfileEnum } from "./enums.js";
import { recordId } from "./ids.js";
import { nameSchema } from "../record/rules.js";

export interface ActorFilterShape {
  profiles?: Profile[] | null;
  kinds?: ActorKind[] | null;
  isCatalyst?: boolean | null;
  territory?: { typename: string; id?: unknown } | null;
  regionCode?: string | null;
  search?: string | null;
  source?: string | null;
}

// Declared with its shape so that Territory (which takes this filter) and this filter (which
// names Territory) can refer to each other.
export const ActorFilter = builder.inputRef<ActorFilterShape>("ActorFilter").implement({
  description: "Every condition given must hold.",
  fields: (t) => ({
    profiles: t.field({ type: [ProfileEnum] }),
    kinds: t.field({ type: [ActorKindEnum] }),
    isCatalyst: t.boolean(),
    territory: t.globalID({ for: [Territory], description: "Acting in this territory or anywhere under it." }),
    regionCode: t.string({ description: "INSEE code of a région: actors acting anywhere in it." }),
    search: t.string({ description: "Part of the name, case-insensitive.", validate: nameSchema }),
    source: t.string({ description: "Where records came from: demo, etalab, api, ..." }),
  }),
});

/** Prisma conditions for a filter; a territory or région that does not exist matches nothing. */
export async function actorWhere(ctx: Context, filter: ActorFilterShape | null | undefined): Promise<Prisma.ActorWhereInput> {
  if (!filter) return {};
  const and: Prisma.ActorWhereInput[] = [];
  if (filter.profiles) and.push({ profile: { in: filter.profiles } });
  if (filter.kinds) and.push({ kind: { in: filter.kinds } });
  if (filter.isCatalyst != null) and.push({ isCatalyst: filter.isCatalyst });
  if (filter.search) and.push({ name: { contains: filter.search, mode: "insensitive" } });
  if (filter.source) and.push({ source: filter.source });
  if (filter.territory) {
    const prefixes = await territoryScopes(ctx).load(recordId(filter.territory));
    and.push(prefixes ? { territories: { some: { territory: territoryUnder(prefixes) } } } : { id: { in: [] } });
  }
  if (filter.regionCode) {
    const region = await regionPrefix(ctx.prisma, filter.regionCode);
    and.push(region ? { territories: { some: { territory: territoryUnder([region]) } } } : { id: { in: [] } });
  }
  return { AND: and };
}
