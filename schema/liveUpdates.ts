import { encodeGlobalID } from "@pothos/plugin-relay";
import { mapAsyncIterator } from "graphql-yoga";
import type { EcosystemChange } from "./context.js";
import { builder } from "./builder.js";
import { TerritoryLevelEnum } from "./enums.js";
import { BaseError, ERROR_CODES } from "../record/errors.js";

/**
 * Live updates of a map: `ecosystemChanged` announces, over server-sent events, each change the
 * graph engine has applied to an ecosystem's network. It carries ids only (public records, no
 * personal data): a client refetches what it shows. See docs/live.md.
 */

const ChangeKindEnum = builder.enumType("ChangeKind", {
  description: "The kind of record a change was made to.",
  values: {
    ACTOR: { description: "An actor was created, updated or deleted." },
    ALLIANCE: { description: "An alliance was created, updated (members, period) or deleted." },
    INTERACTION: { description: "An interaction was recorded, updated or deleted." },
    PRACTICE_ASSESSMENT: { description: "A practice self-assessment was recorded, updated or deleted." },
  } as const,
});

type ChangeShape = EcosystemChange & { territoryCode: string };

const EcosystemChangeRef = builder.objectRef<ChangeShape>("EcosystemChange").implement({
  description: "Changes applied to an ecosystem's network since the last event: refetch to see them.",
  fields: (t) => ({
    ecosystem: t.id({ description: "The Ecosystem's global id.", resolve: (c) => encodeGlobalID("Ecosystem", c.ecosystemId) }),
    territoryCode: t.string({ description: "The official code of the ecosystem's territory.", resolve: (c) => c.territoryCode }),
    graphVersion: t.string({
      description: "The outbox position the network now reflects: queries answered from now on include the change.",
      resolve: (c) => String(c.graphVersion),
    }),
    kinds: t.field({ type: [ChangeKindEnum], description: "What changed, without repeats.", resolve: (c) => c.kinds }),
    actorIds: t.idList({
      description:
        "Global ids of the actors concerned: an actor changed, the members of an alliance, the participants of an interaction (some may be of other ecosystems).",
      resolve: (c) => c.actorIds.map((id) => encodeGlobalID("Actor", id)),
    }),
  }),
});

builder.subscriptionType({});

builder.subscriptionField("ecosystemChanged", (t) =>
  t.field({
    type: EcosystemChangeRef,
    description:
      "Announces each change applied to an ecosystem's network (an alliance, an interaction, an actor, an assessment), once the API answers with it. Over server-sent events: POST with `accept: text/event-stream`.",
    args: {
      territoryCode: t.arg.string({ required: true, description: "The official code of the ecosystem's territory, as `ecosystem(territoryCode:)` takes it." }),
      level: t.arg({ type: TerritoryLevelEnum, description: "Needed only when the code exists at several levels." }),
    },
    subscribe: async (_root, { territoryCode, level }, ctx) => {
      if (!ctx.live) throw new Error("schema/liveUpdates: the live updates plugin is not installed");
      const ecosystem = await ctx.prisma.ecosystem.findFirst({
        where: { territory: { code: territoryCode, ...(level && { level }) } },
        orderBy: { id: "asc" },
        select: { id: true, territory: { select: { code: true } } },
      });
      if (!ecosystem) throw new BaseError(`No ecosystem has the territory code ${JSON.stringify(territoryCode)}.`, ERROR_CODES.notFound);
      const { code } = ecosystem.territory;
      // mapAsyncIterator passes a client's leaving straight on (an async generator would wait for the next event).
      return mapAsyncIterator(ctx.live.changes(ecosystem.id), (change): ChangeShape => ({ ...change, territoryCode: code }));
    },
    resolve: (change) => change,
  }),
);
