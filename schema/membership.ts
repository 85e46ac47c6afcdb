import { queryFromInfo } from "@pothos/plugin-prisma";
import { resolveArrayConnection } from "@pothos/plugin-relay";
import type { Actor as ActorRow, Alliance as AllianceRow, AllianceMember as AllianceMemberRow } from "../server/generated/prisma/client.js";
import { Actor } from "./actor.js";
import { Alliance } from "./alliance.js";
import { builder } from "./builder.js";
import { MemberRoleEnum } from "./enums.js";
import { byId } from "./loadById.js";
import { asksOnly, membershipIndex, membershipsOfActor, membersOfAlliance } from "./membershipSource.js";

/**
 * Memberships join actors and alliances both ways. They are walked in the graph engine's
 * memory when it holds the record's latest state, and the objects at either end come from it
 * when the query asks only for what it holds; anything else is read from the record, in one
 * statement per level (schema/membershipSource.ts).
 */

/** Fields of an actor and of an alliance the engine's index answers without the record. */
const ACTOR_FIELDS_HELD: ReadonlySet<string> = new Set(["__typename", "id", "name", "profile", "kind", "isCatalyst", "memberships"]);
const ALLIANCE_FIELDS_HELD: ReadonlySet<string> = new Set(["__typename", "id", "modalities", "levers", "impacts", "startDate", "endDate", "members"]);

export const AllianceMember = builder.prismaObject("AllianceMember", {
  description: "An actor's place in an alliance.",
  fields: (t) => ({
    role: t.expose("role", { type: MemberRoleEnum }),
    confirmedAt: t.expose("confirmedAt", { type: "DateTime", nullable: true }),
    actor: t.field({
      type: Actor,
      resolve: async (member, _args, ctx, info) => {
        const index = asksOnly(info, ACTOR_FIELDS_HELD) ? await membershipIndex(ctx) : null;
        const held = index?.actors.get(member.actorId);
        if (held) return { id: held.id, name: held.name, profile: held.profile, kind: held.kind, isCatalyst: held.isCatalyst } as ActorRow;
        // Planned only here: planning a query for every member of a long list costs more than walking it.
        return byId(ctx, "actor", queryFromInfo({ context: ctx, info }), member.actorId, (args) => ctx.prisma.actor.findMany(args));
      },
    }),
    alliance: t.field({
      type: Alliance,
      resolve: async (member, _args, ctx, info) => {
        const index = asksOnly(info, ALLIANCE_FIELDS_HELD) ? await membershipIndex(ctx) : null;
        const held = index?.alliances.get(member.allianceId);
        if (held) return { id: held.id, modalities: held.modalities, levers: held.levers, impacts: held.impacts, startDate: held.startDate, endDate: held.endDate } as AllianceRow;
        return byId(ctx, "alliance", queryFromInfo({ context: ctx, info }), member.allianceId, (args) => ctx.prisma.alliance.findMany(args));
      },
    }),
  }),
});

builder.prismaObjectField(Actor, "memberships", (t) =>
  t.connection(
    {
      type: AllianceMember,
      description: "The alliances this actor belongs to, with its role in each, by alliance.",
      resolve: async (actor, args, ctx) => {
        const rows = (await membershipsOfActor(ctx, actor.id)) as AllianceMemberRow[];
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
    resolve: async (alliance, _args, ctx) => (await membersOfAlliance(ctx, alliance.id)) as AllianceMemberRow[],
  }),
);
