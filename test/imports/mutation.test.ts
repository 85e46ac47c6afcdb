import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordFingerprint } from "../support/recordFingerprint.js";
import { expectRejected } from "../support/rejected.js";
import { startTestApi, type TestApi } from "../support/testApi.js";

const TEMPLATES = path.resolve(import.meta.dirname, "../../templates/import");
const IMPORT = `mutation ($input: ImportRecordsInput!) {
  importRecords(input: $input) {
    __typename
    ... on ImportRecordsSuccess {
      report {
        source dryRun strict written rejectionCount changeCount
        total { recordType rows created updated unchanged rejected }
        counts { recordType rows created updated unchanged rejected }
        rejections { at { line sheet row record } recordType id column reason }
        changes { at { line sheet row } recordType id action }
      }
    }
    ... on Error { message code }
    ... on InputValidationError { issues { path message } }
  }
}`;

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const actorsCsv = () => fs.readFileSync(path.join(TEMPLATES, "actors.csv"), "utf8");
const input = (overrides: Record<string, unknown> = {}) => ({ type: "ACTORS", format: "CSV", content: actorsCsv(), source: "mutation-test", ...overrides });

describe("importRecords", () => {
  it("is refused to anonymous callers and researchers, and writes nothing", async () => {
    for (const role of ["ANONYMOUS", "RESEARCHER", "CATALYST"] as const) {
      const payload = await expectRejected(api, IMPORT, { input: input() }, "ForbiddenError", role);
      expect(payload.code).toBe("auth/forbidden");
    }
  });

  it("refuses a reserved or malformed source name", async () => {
    const payload = await expectRejected(api, IMPORT, { input: input({ source: "api" }) }, "InputValidationError", "EDITOR");
    expect(payload.issues).toEqual([{ path: ["input", "source"], message: "api and etalab are the service's own sources" }]);
    await expectRejected(api, IMPORT, { input: input({ source: "two words" }) }, "InputValidationError", "EDITOR");
  });

  it("reports a dry run without writing", async () => {
    const before = await recordFingerprint(api.db);
    const result = await api.gql(IMPORT, { input: input({ dryRun: true }) }, "EDITOR");
    const { report } = result.data.importRecords;
    expect(report).toMatchObject({
      dryRun: true,
      written: false,
      changeCount: 2,
      total: { recordType: "ACTORS", rows: 2, created: 2, updated: 0, unchanged: 0, rejected: 0 },
    });
    expect(report.changes.map((c: { id: string; action: string; at: { line: number } }) => [c.id, c.action, c.at.line])).toEqual([
      ["ressourcerie-vichy", "CREATED", 2],
      ["200071363", "CREATED", 3],
    ]);
    expect(await recordFingerprint(api.db)).toEqual(before);
  });

  it("imports for an editor, with outbox events the graph follows and audit entries in the editor's name; twice changes nothing", async () => {
    const outboxBefore = await api.db.prisma.outboxEvent.count();
    const first = await api.gql(IMPORT, { input: input() }, "EDITOR");
    expect(first.data.importRecords.report).toMatchObject({ written: true, total: { created: 2, rejected: 0 } });
    const actors = await api.db.prisma.actor.findMany({ where: { source: "mutation-test" }, select: { id: true, externalId: true }, orderBy: { id: "asc" } });
    expect(actors.map((a) => a.externalId)).toEqual(["ressourcerie-vichy", "200071363"]);
    expect(await api.db.prisma.outboxEvent.count()).toBe(outboxBefore + 2);
    const audit = await api.db.prisma.auditEntry.findMany({
      where: { operation: "importRecords", recordType: "Actor" },
      select: { role: true, recordId: true },
    });
    expect(audit).toEqual(actors.map((a) => ({ role: "EDITOR", recordId: a.id })));
    // The mutation answered after the graph applied the import.
    const snapshot = await api.graph.snapshot();
    for (const actor of actors) expect(snapshot.indexOfActor.has(actor.id)).toBe(true);

    const before = await recordFingerprint(api.db);
    const second = await api.gql(IMPORT, { input: input() }, "EDITOR");
    expect(second.data.importRecords.report).toMatchObject({ written: true, changeCount: 0, total: { created: 0, updated: 0, unchanged: 2 } });
    expect(await recordFingerprint(api.db)).toEqual(before);
  });

  it("imports a whole XLSX workbook sent as base64, and lists rejected rows with their sheet and row", async () => {
    const workbook = fs.readFileSync(path.join(TEMPLATES, "maillage-import.xlsx")).toString("base64");
    const result = await api.gql(IMPORT, { input: { type: "ALL", format: "XLSX", content: workbook, source: "mutation-test" } }, "ADMIN");
    const { report } = result.data.importRecords;
    expect(report.counts.map((c: { recordType: string; created: number; unchanged: number }) => [c.recordType, c.created, c.unchanged])).toEqual([
      ["ACTORS", 0, 2],
      ["ALLIANCES", 1, 0],
      ["INTERACTIONS", 2, 0],
      ["NEEDS", 1, 0],
      ["PRACTICES", 1, 0],
    ]);
    const bad = "id,territory,date,level,assessedBy\nn1,EPCI:200071363,2025-01-01,7,Moi\n";
    const refused = await api.gql(IMPORT, { input: { type: "NEEDS", format: "CSV", content: bad, source: "mutation-test", strict: true } }, "EDITOR");
    expect(refused.data.importRecords.report).toMatchObject({
      written: false,
      rejectionCount: 1,
      rejections: [
        {
          at: { line: 2, sheet: null, row: null, record: null },
          recordType: "NEEDS",
          id: "n1",
          column: "level",
          reason: "need levels run from 1 (ACCOMPANY) to 4 (INVENT)",
        },
      ],
    });
  });
});
