import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createToken } from "../../server/auth.js";
import { DEFAULT_LIMITS } from "../../schema/limits.js";
import { LiveUpdates } from "../../server/live.js";
import { createLogger } from "../../server/logger.js";
import { createServer, type MaillageYoga } from "../../server/yoga.js";
import { mutationDocuments } from "../support/mutationDocuments.js";
import { startTestApi, type TestApi } from "../support/testApi.js";

// The subscription as a client uses it: POST with `accept: text/event-stream` through
// `yoga.fetch`, the stream read event by event, while mutations change the record.

interface SseEvent {
  event: string;
  data: any;
}

interface Subscription {
  status: number;
  /** The next `next` or `complete` event, pings skipped. */
  next(): Promise<SseEvent>;
  close(): void;
}

const CHANGED = `subscription ($code: String!) { ecosystemChanged(territoryCode: $code) { ecosystem territoryCode graphVersion kinds actorIds } }`;

async function subscribe(yoga: MaillageYoga, variables: Record<string, unknown>, headers: Record<string, string> = {}, query = CHANGED): Promise<Subscription> {
  const abort = new AbortController();
  const response = await yoga.fetch("http://maillage.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream", ...headers },
    body: JSON.stringify({ query, variables }),
    signal: abort.signal,
  });
  // Refused before execution (rate limit): a plain JSON answer, read here as one event and the end.
  if (!response.headers.get("content-type")?.startsWith("text/event-stream")) {
    const events: SseEvent[] = [
      { event: "next", data: await response.json() },
      { event: "complete", data: null },
    ];
    return { status: response.status, next: async () => events.shift()!, close: () => {} };
  }
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  // Yoga opens every stream with a ping; a client reads it at once, as a browser or Node's HTTP
  // server does (an unread stream never hears its reader cancel).
  let buffer = decoder.decode((await reader.read()).value, { stream: true });
  return {
    status: response.status,
    async next() {
      for (;;) {
        const end = buffer.indexOf("\n\n");
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = Object.fromEntries(
            block
              .split("\n")
              .filter((line) => !line.startsWith(":") && line.includes(":"))
              .map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1).trim()]),
          );
          if (!fields.event) continue;
          return { event: fields.event, data: fields.data ? JSON.parse(fields.data) : null };
        }
        const { value, done } = await reader.read();
        if (done) throw new Error("the stream ended without an event");
        buffer += decoder.decode(value, { stream: true });
      }
    },
    close() {
      // Cancelling the body is how a reader leaves; aborting first would error the stream instead.
      void reader.cancel().catch(() => {});
      abort.abort();
    },
  };
}

const ALLIANCE = mutationDocuments("Alliance", "id").CREATE;
const INTERACTION = mutationDocuments("Interaction", "id").CREATE;

let api: TestApi;
/** Two ecosystems, each with two of its own actors. */
let ecosystems: { id: string; code: string; actors: string[] }[];

beforeAll(async () => {
  api = await startTestApi();
  const result = await api.gql(`{ ecosystems(first: 20) { nodes { id territory { code } network { nodes { id inEcosystem } } } } }`, {}, "ANONYMOUS");
  ecosystems = result.data.ecosystems.nodes
    .map((e: any) => ({ id: e.id, code: e.territory.code, actors: e.network.nodes.filter((n: any) => n.inEcosystem).map((n: any) => n.id) }))
    .filter((e: { actors: string[] }) => e.actors.length >= 2)
    .slice(0, 2);
  expect(ecosystems).toHaveLength(2);
});
afterAll(() => api?.close());

const alliance = (members: string[]) => ({
  input: { name: "Atelier partagé", startDate: "2025-01-15", modalities: ["SHARE"], members: members.map((actor) => ({ actor, role: "PARTNER" })) },
});

describe("ecosystemChanged over server-sent events", () => {
  it("announces a new alliance to its ecosystem once the network shows it, and not to another ecosystem", async () => {
    const [a, b] = ecosystems as [(typeof ecosystems)[0], (typeof ecosystems)[0]];
    const onA = await subscribe(api.yoga, { code: a.code });
    const onB = await subscribe(api.yoga, { code: b.code });
    expect(onA.status).toBe(200);
    try {
      const created = await api.gql(ALLIANCE, alliance(a.actors.slice(0, 2)), "EDITOR");
      expect(created.data.createAlliance.__typename).toBe("CreateAllianceSuccess");
      const { event, data } = await onA.next();
      expect(event).toBe("next");
      const change = data.data.ecosystemChanged;
      expect(change).toMatchObject({ ecosystem: a.id, territoryCode: a.code, kinds: ["ALLIANCE"] });
      expect(change.actorIds).toEqual(expect.arrayContaining(a.actors.slice(0, 2)));

      // A refetch on the event sees the change: the network is at least at the announced version.
      const network = await api.gql(
        `query ($code: String!) { ecosystem(territoryCode: $code) { network { computedOn { graphVersion } } } }`,
        { code: a.code },
        "ANONYMOUS",
      );
      expect(BigInt(network.data.ecosystem.network.computedOn.graphVersion)).toBeGreaterThanOrEqual(BigInt(change.graphVersion));

      // B's first event is B's own alliance: A's never reached it.
      await api.gql(ALLIANCE, alliance(b.actors.slice(0, 2)), "EDITOR");
      const onBFirst = (await onB.next()).data.data.ecosystemChanged;
      expect(onBFirst).toMatchObject({ ecosystem: b.id, kinds: ["ALLIANCE"] });
      expect(BigInt(onBFirst.graphVersion)).toBeGreaterThan(BigInt(change.graphVersion));
    } finally {
      onA.close();
      onB.close();
    }
  });

  it("announces an interaction between two ecosystems to both", async () => {
    const [a, b] = ecosystems as [(typeof ecosystems)[0], (typeof ecosystems)[0]];
    const onA = await subscribe(api.yoga, { code: a.code });
    const onB = await subscribe(api.yoga, { code: b.code });
    try {
      const participants = [a.actors[0]!, b.actors[0]!];
      const created = await api.gql(INTERACTION, { input: { kind: "MEETING", date: "2025-02-03", participants } }, "EDITOR");
      expect(created.data.createInteraction.__typename).toBe("CreateInteractionSuccess");
      for (const [sub, ecosystem] of [
        [onA, a],
        [onB, b],
      ] as const) {
        const change = (await sub.next()).data.data.ecosystemChanged;
        expect(change).toMatchObject({ ecosystem: ecosystem.id, kinds: ["INTERACTION"] });
        expect([...change.actorIds].sort()).toEqual([...participants].sort());
      }
    } finally {
      onA.close();
      onB.close();
    }
  });

  it("answers an unknown territory with a not-found error", async () => {
    const sub = await subscribe(api.yoga, { code: "no-such-territory" });
    const { data } = await sub.next();
    expect(data.errors[0].extensions.code).toBe("record/not-found");
    expect((await sub.next()).event).toBe("complete");
  });

  it("refuses a GET from EventSource without the CSRF header", async () => {
    const url = `http://maillage.test/graphql?query=${encodeURIComponent(CHANGED)}&variables=${encodeURIComponent(JSON.stringify({ code: ecosystems[0]!.code }))}`;
    const response = await api.yoga.fetch(url, { headers: { accept: "text/event-stream" } });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("Required CSRF header");
  });
});

describe("live update limits", () => {
  let yoga: MaillageYoga;
  let live: LiveUpdates;
  let token: string;
  beforeAll(async () => {
    live = new LiveUpdates(api.graph, { maxPerClient: 2, maxOpen: 3 });
    yoga = createServer({ db: api.db, graph: api.graph, logger: createLogger("silent"), limits: { ...DEFAULT_LIMITS, anonymousRequestsPerMinute: 3 }, live });
    token = (await createToken(api.db.prisma, "RESEARCHER", "live updates test")).token;
  });

  const code = () => ({ code: ecosystems[0]!.code });

  it("bounds open subscriptions per client and in total, and frees a slot when a client leaves", async () => {
    const first = await subscribe(yoga, code());
    const second = await subscribe(yoga, code());
    const third = await subscribe(yoga, code());
    expect([first.status, second.status, third.status]).toEqual([200, 200, 429]);
    expect((await third.next()).data.errors[0].extensions.code).toBe("request/too-many-subscriptions");

    // Another client (a token) has slots of its own, up to the process-wide limit.
    const withToken = await subscribe(yoga, code(), { authorization: `Bearer ${token}` });
    expect(withToken.status).toBe(200);
    const overall = await subscribe(yoga, code(), { authorization: `Bearer ${token}` });
    expect(overall.status).toBe(429);
    expect(live.openCount).toBe(3);

    withToken.close();
    await expect.poll(() => live.openCount).toBe(2);
    const again = await subscribe(yoga, code(), { authorization: `Bearer ${token}` });
    expect(again.status).toBe(200);
    for (const sub of [first, second, again]) sub.close();
    await expect.poll(() => live.openCount).toBe(0);
  });

  it("counts each subscription against the rate limit", async () => {
    // Three requests a minute for an address without a token: the test above used them.
    const refused = await subscribe(yoga, code());
    expect(refused.status).toBe(429);
    expect((await refused.next()).data.errors[0].extensions.code).toBe("request/rate-limited");
  });

  it("completes every open stream on close, then refuses new subscriptions", async () => {
    const open = await subscribe(yoga, code(), { authorization: `Bearer ${token}` });
    expect(open.status).toBe(200);
    expect(await live.close()).toBe(1);
    expect((await open.next()).event).toBe("complete");
    const late = await subscribe(yoga, code(), { authorization: `Bearer ${token}` });
    expect((await late.next()).data.errors[0].extensions.code).toBe("request/shutting-down");
    expect(live.openCount).toBe(0);
  });
});
