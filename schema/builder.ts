import SchemaBuilder from "@pothos/core";
import ComplexityPlugin from "@pothos/plugin-complexity";
import DataloaderPlugin from "@pothos/plugin-dataloader";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import ValidationPlugin from "@pothos/plugin-validation";
import type { Context } from "./context.js";
import type PrismaTypes from "../record/generated/pothos-prisma-types.js";
import { getDatamodel } from "../record/generated/pothos-prisma-types.js";
import { MAX_PAGE_SIZE } from "./limits.js";
import { BaseError, ForbiddenError } from "../record/errors.js";

/** The builder's configuration only: types live one per file next to it. */

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: { editor: boolean; admin: boolean; personalData: boolean; catalyst: boolean; catalystOf: number; catalystMemberOf: number };
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: false;
  Scalars: {
    ID: { Input: string; Output: string | number };
    Date: { Input: Date; Output: Date };
    DateTime: { Input: Date; Output: Date };
  };
}>({
  // Errors first so it turns the other plugins' expected failures (forbidden, invalid input)
  // into typed results; it must also precede prisma and dataloader, as their docs require.
  plugins: [ErrorsPlugin, ScopeAuthPlugin, ValidationPlugin, RelayPlugin, PrismaPlugin, DataloaderPlugin, ComplexityPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (ctx) => ({
      editor: ctx.viewer.role === "EDITOR" || ctx.viewer.role === "ADMIN",
      admin: ctx.viewer.role === "ADMIN",
      personalData: ctx.viewer.role === "EDITOR" || ctx.viewer.role === "ADMIN",
      catalyst: ctx.viewer.role === "CATALYST",
      // A catalyst speaks for one actor: it edits that actor and the alliances it belongs to.
      catalystOf: (actorId) => ctx.viewer.role === "CATALYST" && ctx.viewer.actorId === actorId,
      catalystMemberOf: async (allianceId) =>
        ctx.viewer.role === "CATALYST" &&
        ctx.viewer.actorId !== null &&
        (await ctx.prisma.allianceMember.count({ where: { allianceId, actorId: ctx.viewer.actorId } })) > 0,
    }),
    unauthorizedError: () => new ForbiddenError(),
  },
  errors: {
    // Only our own expected errors become typed results; anything else is thrown and masked.
    defaultTypes: [BaseError],
    unsafelyHandleInputErrors: true,
    defaultResultOptions: { name: ({ fieldName }) => `${capitalize(fieldName)}Success` },
    defaultUnionOptions: { name: ({ fieldName }) => `${capitalize(fieldName)}Result` },
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    nodeQueryOptions: { nullable: true },
    nodesQueryOptions: false,
    // A flat `nodes` list beside `edges`: what map front-ends want when they need no cursors.
    nodesOnConnection: true,
  },
  prisma: {
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    maxConnectionSize: MAX_PAGE_SIZE,
    defaultConnectionSize: 50,
    onUnusedQuery: process.env.NODE_ENV === "production" ? null : "error",
  },
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 10,
    // Per request, from the server's configured limits (schema/limits.ts).
    limit: (ctx) => ({ complexity: ctx.limits.maxComplexity, depth: ctx.limits.maxDepth, breadth: 300 }),
  },
});

function capitalize(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
