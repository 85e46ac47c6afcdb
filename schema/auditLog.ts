import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "./builder.js";

/** The audit log: every write through the API, for admins only. */
builder.prismaObject("AuditEntry", {
  description: "One write through the API: who, when, which record, what was asked.",
  fields: (t) => ({
    at: t.expose("at", { type: "DateTime" }),
    tokenId: t.exposeInt("tokenId", { nullable: true, description: "The API token that wrote; see `npm run token -- list`." }),
    role: t.exposeString("role", { nullable: true }),
    operation: t.exposeString("operation"),
    recordType: t.exposeString("recordType"),
    record: t.id({
      nullable: true,
      description: "The global id of the record written.",
      select: { recordType: true, recordId: true },
      resolve: (entry) => (entry.recordId === null ? null : encodeGlobalID(entry.recordType, entry.recordId)),
    }),
    changes: t.string({
      nullable: true,
      description: "The input of the write, as JSON.",
      select: { changes: true },
      resolve: (entry) => (entry.changes === null ? null : JSON.stringify(entry.changes)),
    }),
  }),
});

const AuditFilter = builder.inputType("AuditFilter", {
  fields: (t) => ({
    recordType: t.string(),
    operation: t.string(),
    recordId: t.int(),
  }),
});

builder.queryField("auditLog", (t) =>
  t.prismaConnection({
    type: "AuditEntry",
    cursor: "id",
    authScopes: { admin: true },
    description: "Every write, newest first. Admins only.",
    args: { filter: t.arg({ type: AuditFilter }) },
    totalCount: (_c, { filter }, ctx) =>
      ctx.prisma.auditEntry.count({
        where: { recordType: filter?.recordType ?? undefined, operation: filter?.operation ?? undefined, recordId: filter?.recordId ?? undefined },
      }),
    resolve: (query, _root, { filter }, ctx) =>
      ctx.prisma.auditEntry.findMany({
        ...query,
        where: { recordType: filter?.recordType ?? undefined, operation: filter?.operation ?? undefined, recordId: filter?.recordId ?? undefined },
        orderBy: { id: "desc" },
      }),
  }),
);
