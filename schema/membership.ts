import { queryFromInfo } from "@pothos/plugin-prisma";
import { resolveArrayConnection } from "@pothos/plugin-relay";
import type { GraphQLResolveInfo } from "graphql";
import type { MembershipIndex } from "../graph/membershipIndex.js";
import type { Context } from "./context.js";
import type { Actor as ActorRow, Alliance as AllianceRow, AllianceMember as AllianceMemberRow } from "../record/generated/prisma/client.js";
import { Actor } from "./actor.js";
import { Alliance } from "./alliance.js";
import { builder } from "./builder.js";
import { MemberRoleEnum } from "./enums.js";
import { byId } from "./loadById.js";
import { asksOnly, membershipIndex, membershipRows } from "./membershipSource.js";

/**
 * Memberships join actors and alliances both ways. They are walked in the graph engine's
 * memory when it holds the record's latest state, and the objects at either end come from it
 * when the query asks only for what it holds; anything else is read from the record, in one
 * statement per level (schema/membershipSource.ts).
 */

/** Fields of an actor and of an alliance the engine's index answers without the record. */
const ACTOR_FIELDS_HELD: ReadonlySet<string> = new Set(["__typename", "id", "name", "profile", "kind", "isCatalyst", "memberships"]);
const ALLIANCE_FIELDS_HELD: ReadonlySet<string> = new Set(["__typename", "id", "modalities", "levers", "impacts", "startDate", "endDate", "members"]);

/**
 * One end of a membership: the index's copy when the query asks only for `held` fields and the
 * engine is current, else the record's row. The Prisma query is planned only on that path:
 * planning one for every member of a long list costs more than walking it.
 */
async function membershipEnd<T>(
  ctx: Context,
  info: GraphQLResolveInfo,
  held: ReadonlySet<string>,
  fromIndex: (index: MembershipIndex) => T | undefined,
  fromRecord: (query: { select?: object; include?: object }) => Promise<T>,
): Promise<T> {
  const index = asksOnly(info, held) ? await membershipIndex(ctx) : null;
  return (index && fromIndex(index)) || fromRecord(queryFromInfo({ context: ctx, info }));
}

export const AllianceMember = builder.prismaObject("AllianceMember", {
  description: "An actor's place in an alliance.",
  fields: (t) => ({
    role: t.expose("role", { type: MemberRoleEnum }),
    confirmedAt: t.expose("confirmedAt", { type: "DateTime", nullable: true }),
    actor: t.field({
      type: Actor,
      resolve: (member, _args, ctx, info) =>
        membershipEnd(
          ctx,
          info,
          ACTOR_FIELDS_HELD,
          (index) => {
            const held = index.actors.get(member.actorId);
            return held && ({ id: held.id, name: held.name, profile: held.profile, kind: held.kind, isCatalyst: held.isCatalyst } as ActorRow);
          },
          (query) => byId(ctx, "actor", query, member.actorId, (args) => ctx.prisma.actor.findMany(args)),
        ),
    }),
    alliance: t.field({
      type: Alliance,
      resolve: (member, _args, ctx, info) =>
        membershipEnd(
          ctx,
          info,
          ALLIANCE_FIELDS_HELD,
          (index) => {
            const held = index.alliances.get(member.allianceId);
            return (
              held &&
              ({
                id: held.id,
                modalities: held.modalities,
                levers: held.levers,
                impacts: held.impacts,
                startDate: held.startDate,
                endDate: held.endDate,
              } as AllianceRow)
            );
          },
          (query) => byId(ctx, "alliance", query, member.allianceId, (args) => ctx.prisma.alliance.findMany(args)),
        ),
    }),
  }),
});

builder.prismaObjectField(Actor, "memberships", (t) =>
  t.connection(
    {
      type: AllianceMember,
      description: "The alliances this actor belongs to, with its role in each, by alliance.",
      resolve: async (actor, args, ctx) => {
        const rows = (await membershipRows(ctx, "actorId", actor.id)) as AllianceMemberRow[];
        return { ...resolveArrayConnection({ args }, rows), totalCount: rows.length };
      },
    },
    { fields: (connection) => ({ totalCount: connection.int({ resolve: (page) => page.totalCount }) }) },
  ),
);

builder.objectField(Alliance, "members", (t) =>
  t.field({
    type: [AllianceMember],
    description: "The alliance's members, by actor.",
    resolve: async (alliance, _args, ctx) => (await membershipRows(ctx, "allianceId", alliance.id)) as AllianceMemberRow[],
  }),
);
