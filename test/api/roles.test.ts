import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { globalId } from "../support/rejected.js";
import { startTestApi, type TestApi } from "../support/testApi.js";

let api: TestApi;
let own: number;
beforeAll(async () => {
  api = await startTestApi();
  own = (await api.db.prisma.actor.findFirst({ where: { isCatalyst: true }, orderBy: { id: "asc" }, select: { id: true } }))!.id;
});
afterAll(() => api?.close());

const UPDATE_ACTOR = `mutation ($id: ID!, $input: UpdateActorInput!) { updateActor(id: $id, input: $input) { __typename } }`;
const UPDATE_ALLIANCE = `mutation ($id: ID!, $input: UpdateAllianceInput!) { updateAlliance(id: $id, input: $input) { __typename } }`;

describe("a catalyst's token", () => {
  it("edits the actor it speaks for, and no other", async () => {
    const mine = await api.gql(UPDATE_ACTOR, { id: globalId("Actor", own), input: { description: "Mise à jour par le catalyseur" } }, "CATALYST");
    expect(mine.data.updateActor.__typename).toBe("UpdateActorSuccess");
    const other = await api.gql(UPDATE_ACTOR, { id: globalId("Actor", own + 1), input: { description: "Intrusion" } }, "CATALYST");
    expect(other.data.updateActor.__typename).toBe("ForbiddenError");
  });

  it("edits the alliances its actor belongs to, and no other", async () => {
    const member = await api.db.prisma.allianceMember.findFirst({ where: { actorId: own }, select: { allianceId: true } });
    const stranger = await api.db.prisma.alliance.findFirst({ where: { members: { none: { actorId: own } } }, select: { id: true } });
    const mine = await api.gql(UPDATE_ALLIANCE, { id: globalId("Alliance", member!.allianceId), input: { purpose: "Précisé" } }, "CATALYST");
    expect(mine.data.updateAlliance.__typename).toBe("UpdateAllianceSuccess");
    const other = await api.gql(UPDATE_ALLIANCE, { id: globalId("Alliance", stranger!.id), input: { purpose: "Intrusion" } }, "CATALYST");
    expect(other.data.updateAlliance.__typename).toBe("ForbiddenError");
  });

  it("sees the contacts of peers who consented to be shown, and its own", async () => {
    const result = await api.gql(`{ actors(first: 100, filter: { isCatalyst: true }) { nodes { id contacts { name consentToPeers } } } }`, {}, "CATALYST");
    const nodes = result.data.actors.nodes as { id: string; contacts: { consentToPeers: boolean }[] }[];
    const others = nodes.filter((n) => n.id !== globalId("Actor", own)).flatMap((n) => n.contacts);
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((c) => c.consentToPeers)).toBe(true);
    const editor = await api.gql(`{ actors(first: 100, filter: { isCatalyst: true }) { nodes { contacts { consentToPeers } } } }`, {}, "EDITOR");
    expect(editor.data.actors.nodes.flatMap((n: any) => n.contacts).some((c: any) => !c.consentToPeers)).toBe(true);
  });

  it("cannot create, delete, or read the audit log", async () => {
    const del = await api.gql(`mutation ($id: ID!) { deleteActor(id: $id) { __typename } }`, { id: globalId("Actor", own) }, "CATALYST");
    expect(del.data.deleteActor.__typename).toBe("ForbiddenError");
    const log = await api.gql(`{ auditLog { totalCount } }`, {}, "CATALYST");
    expect(log.errors?.[0]?.extensions?.code).toBe("auth/forbidden");
  });
});
