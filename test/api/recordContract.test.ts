import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OutboxAggregate, Role } from "../../record/generated/prisma/enums.js";
import { mutationDocuments } from "../support/mutationDocuments.js";
import { expectRejected, globalId, recordNumber } from "../support/rejected.js";
import { startTestApi, type TestApi } from "../support/testApi.js";

/**
 * The contract every record type of the API keeps, one table row per type: an editor creates and
 * updates, an admin deletes, the roles that may not write are refused, bad input and unknown ids
 * are typed errors; a refused write changes nothing (every table's digest is compared), and an
 * accepted one leaves one audit entry and, for the records the graph follows, one outbox event.
 * What is particular to a type (its filters, its own rules) is tested in its own file.
 */

interface Fixtures {
  territories: string[];
  ecosystems: string[];
  actors: string[];
}

interface RecordContract {
  type: string;
  /** The outbox aggregate of the type, or null when the graph engines do not follow it. */
  aggregate: OutboxAggregate | null;
  /** Fields read back after a write. */
  fields: string;
  valid: (f: Fixtures) => Record<string, unknown>;
  /** An update of one or two fields, and what the record then shows (the fields left out keep their value). */
  update: { input: Record<string, unknown>; shows: Record<string, unknown> };
  /** One input that breaks a rule of the type, and the path its issue names. */
  invalid: { input: (f: Fixtures) => Record<string, unknown>; path: string[] };
  /** Rows that belong to the record and must go with it. */
  ownedRows?: (api: TestApi, id: number) => Promise<number>;
}

const CONTRACTS: RecordContract[] = [
  {
    type: "Actor",
    aggregate: "ACTOR",
    fields: "id name kind profile isCatalyst territories { id }",
    valid: (f) => ({ name: "Contrat Actor", kind: "ESS", territories: [f.territories[0]] }),
    update: { input: { name: "Contrat Actor bis" }, shows: { name: "Contrat Actor bis", kind: "ESS", profile: "ECONOMIC" } },
    invalid: { input: (f) => ({ name: "X", kind: "ESS", territories: [f.territories[0]], siren: "12" }), path: ["input", "siren"] },
  },
  {
    type: "Alliance",
    aggregate: "ALLIANCE",
    fields: "id name startDate members { role actor { id } }",
    valid: (f) => ({ name: "Contrat Alliance", startDate: "2024-03-01", members: [{ actor: f.actors[0], role: "LEAD" }, { actor: f.actors[1] }] }),
    update: { input: { name: "Contrat Alliance bis" }, shows: { name: "Contrat Alliance bis", startDate: "2024-03-01" } },
    invalid: { input: (f) => ({ name: "X", startDate: "2024-03-01", members: [{ actor: f.actors[0] }] }), path: ["input", "members"] },
    ownedRows: (api, id) => api.db.prisma.allianceMember.count({ where: { allianceId: id } }),
  },
  {
    type: "Interaction",
    aggregate: "INTERACTION",
    fields: "id kind date intensity participants { id }",
    valid: (f) => ({ kind: "MEETING", date: "2025-01-15", intensity: 2, participants: [f.actors[0], f.actors[1]] }),
    update: { input: { intensity: 4 }, shows: { intensity: 4, kind: "MEETING", date: "2025-01-15" } },
    invalid: { input: (f) => ({ kind: "MEETING", date: "2025-01-15", intensity: 9, participants: [f.actors[0], f.actors[1]] }), path: ["input", "intensity"] },
    ownedRows: (api, id) => api.db.prisma.interactionParticipant.count({ where: { interactionId: id } }),
  },
  {
    type: "PracticeAssessment",
    aggregate: "PRACTICE_ASSESSMENT",
    fields: "id date actor { id } scores { practice score }",
    valid: (f) => ({ actor: f.actors[0], date: "2025-03-10", scores: [{ practice: "FUND_PROJECTS", score: 4 }] }),
    update: { input: { date: "2025-01-01" }, shows: { date: "2025-01-01", scores: [{ practice: "FUND_PROJECTS", score: 4 }] } },
    invalid: {
      input: (f) => ({ actor: f.actors[0], date: "2025-03-10", scores: [{ practice: "FUND_PROJECTS", score: 5 }] }),
      path: ["input", "scores", "0", "score"],
    },
    ownedRows: (api, id) => api.db.prisma.practiceScore.count({ where: { assessmentId: id } }),
  },
  {
    type: "NeedAssessment",
    aggregate: null,
    fields: "id date level assessedBy territory { id }",
    valid: (f) => ({ territory: f.territories[0], date: "2025-04-15", level: 2, assessedBy: "Équipe test" }),
    update: { input: { level: 3 }, shows: { level: 3, date: "2025-04-15", assessedBy: "Équipe test" } },
    invalid: { input: (f) => ({ territory: f.territories[0], date: "2025-04-15", level: 5, assessedBy: "Équipe test" }), path: ["input", "level"] },
  },
  {
    type: "Funding",
    aggregate: null,
    fields: "id fund amountEuros date ecosystem { id } recipient { id }",
    valid: (f) => ({ fund: "EQUITY", amountEuros: 25000, date: "2025-02-14", ecosystem: f.ecosystems[0], recipient: f.actors[0] }),
    update: { input: { amountEuros: 1000 }, shows: { amountEuros: 1000, fund: "EQUITY", date: "2025-02-14" } },
    invalid: { input: (f) => ({ fund: "EQUITY", amountEuros: 0, date: "2025-02-14", ecosystem: f.ecosystems[0] }), path: ["input", "amountEuros"] },
  },
  {
    type: "Evaluation",
    aggregate: null,
    fields: "id phase date impact leverUses { lever score }",
    valid: (f) => ({
      ecosystem: f.ecosystems[0],
      phase: "MIDWAY",
      date: "2025-06-20",
      impact: 3,
      reproducibility: 2,
      promotion: 1,
      appetence: 4,
      leverUses: [{ lever: "DATA", score: 1 }],
    }),
    update: { input: { impact: 1 }, shows: { impact: 1, phase: "MIDWAY", leverUses: [{ lever: "DATA", score: 1 }] } },
    invalid: {
      input: (f) => ({ ecosystem: f.ecosystems[0], phase: "MIDWAY", date: "2025-06-20", impact: 7, reproducibility: 2, promotion: 1, appetence: 4 }),
      path: ["input", "impact"],
    },
    ownedRows: (api, id) => api.db.prisma.evaluationLeverUse.count({ where: { evaluationId: id } }),
  },
];

let api: TestApi;
let fixtures: Fixtures;
beforeAll(async () => {
  api = await startTestApi();
  // Not catalysts: the test catalyst may edit its own actor and alliances, and the records made here must not be its own.
  const result = await api.gql(`{ ecosystems(first: 2) { nodes { id territory { id } } } actors(first: 2, filter: { isCatalyst: false }) { nodes { id } } }`);
  fixtures = {
    ecosystems: result.data.ecosystems.nodes.map((e: { id: string }) => e.id),
    territories: result.data.ecosystems.nodes.map((e: { territory: { id: string } }) => e.territory.id),
    actors: result.data.actors.nodes.map((a: { id: string }) => a.id),
  };
});
afterAll(() => api?.close());

/** What one accepted write added to the outbox and the audit log. */
async function traceOf(write: () => Promise<unknown>) {
  const [position, audited] = await Promise.all([
    api.db.prisma.outboxEvent.aggregate({ _max: { position: true } }),
    api.db.prisma.auditEntry.aggregate({ _max: { id: true } }),
  ]);
  await write();
  const [events, entries] = await Promise.all([
    api.db.prisma.outboxEvent.findMany({ where: { position: { gt: position._max.position ?? 0n } }, select: { aggregate: true, operation: true } }),
    api.db.prisma.auditEntry.findMany({ where: { id: { gt: audited._max.id ?? 0 } }, select: { operation: true, recordType: true, role: true } }),
  ]);
  return { events, entries };
}

const NOBODY_WHO_MAY_NOT: Record<"create" | "update" | "delete", (Role | "ANONYMOUS")[]> = {
  create: ["ANONYMOUS", "RESEARCHER", "CATALYST"],
  update: ["ANONYMOUS", "RESEARCHER", "CATALYST"],
  delete: ["ANONYMOUS", "RESEARCHER", "CATALYST", "EDITOR"],
};

describe.each(CONTRACTS)("the $type record", (contract) => {
  const { CREATE, UPDATE, DELETE } = mutationDocuments(contract.type, contract.fields);
  const field = contract.type.charAt(0).toLowerCase() + contract.type.slice(1);
  const ghost = globalId(contract.type, 999999);
  const followed = (operation: string) => (contract.aggregate ? [{ aggregate: contract.aggregate, operation }] : []);

  async function create(): Promise<{ id: string } & Record<string, unknown>> {
    const result = await api.gql(CREATE, { input: contract.valid(fixtures) }, "EDITOR");
    expect(result.data[`create${contract.type}`].__typename).toBe(`Create${contract.type}Success`);
    return result.data[`create${contract.type}`][field];
  }

  it("is created by an editor and read back by id, with one audit entry and its outbox event", async () => {
    let created: { id: string } | undefined;
    const trace = await traceOf(async () => (created = await create()));
    const read = await api.gql(`query ($id: ID!) { node(id: $id) { ... on ${contract.type} { ${contract.fields} } } }`, { id: created!.id });
    expect(read.data.node).toEqual(created);
    expect(trace.events).toEqual(followed("CREATED"));
    expect(trace.entries).toEqual([{ operation: `create${contract.type}`, recordType: contract.type, role: "EDITOR" }]);
  });

  it("is updated in the fields given only, with one audit entry and its outbox event", async () => {
    const { id } = await create();
    let updated: unknown;
    const trace = await traceOf(
      async () => (updated = (await api.gql(UPDATE, { id, input: contract.update.input }, "EDITOR")).data[`update${contract.type}`][field]),
    );
    expect(updated).toMatchObject(contract.update.shows);
    expect(trace.events).toEqual(followed("UPDATED"));
    expect(trace.entries).toEqual([{ operation: `update${contract.type}`, recordType: contract.type, role: "EDITOR" }]);
  });

  it("is deleted by an admin only, with what belongs to it; a second delete answers NotFoundError", async () => {
    const { id } = await create();
    await expectRejected(api, DELETE, { id }, "ForbiddenError", "EDITOR");
    const trace = await traceOf(async () =>
      expect((await api.gql(DELETE, { id }, "ADMIN")).data[`delete${contract.type}`]).toEqual({ __typename: `Delete${contract.type}Success`, deletedId: id }),
    );
    expect(trace.events).toEqual(followed("DELETED"));
    expect(trace.entries).toEqual([{ operation: `delete${contract.type}`, recordType: contract.type, role: "ADMIN" }]);
    if (contract.ownedRows) expect(await contract.ownedRows(api, recordNumber(id))).toBe(0);
    expect((await api.gql(`query ($id: ID!) { node(id: $id) { id } }`, { id })).data.node).toBeNull();
    await expectRejected(api, DELETE, { id }, "NotFoundError", "ADMIN");
  });

  it("refuses writes to the roles that may not make them, and changes nothing", async () => {
    const { id } = await create();
    for (const role of NOBODY_WHO_MAY_NOT.create) await expectRejected(api, CREATE, { input: contract.valid(fixtures) }, "ForbiddenError", role);
    for (const role of NOBODY_WHO_MAY_NOT.update) await expectRejected(api, UPDATE, { id, input: contract.update.input }, "ForbiddenError", role);
    for (const role of NOBODY_WHO_MAY_NOT.delete) await expectRejected(api, DELETE, { id }, "ForbiddenError", role);
  });

  it("answers bad input with InputValidationError naming the field, and changes nothing", async () => {
    const payload = await expectRejected(api, CREATE, { input: contract.invalid.input(fixtures) }, "InputValidationError");
    expect(payload.code).toBe("input/invalid");
    expect(payload.issues.map((issue: { path: string[] }) => issue.path)).toContainEqual(contract.invalid.path);
  });

  it("answers an update or a delete of a record that does not exist with NotFoundError naming it, and changes nothing", async () => {
    expect((await expectRejected(api, UPDATE, { id: ghost, input: contract.update.input }, "NotFoundError")).message).toContain(ghost);
    expect((await expectRejected(api, DELETE, { id: ghost }, "NotFoundError", "ADMIN")).message).toContain(ghost);
  });
});
