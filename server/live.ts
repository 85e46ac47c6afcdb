import crypto from "node:crypto";
import type { IncomingMessage } from "node:http";
import { createGraphQLError, createPubSub, isAsyncIterable, type Plugin } from "graphql-yoga";
import type { AppliedChange } from "../graph/engines/appliedChanges.js";
import type { GraphEngine } from "../graph/engines/graphEngine.js";
import type { EcosystemChange, LiveChanges } from "../schema/context.js";

export interface LiveOptions {
  /** Open subscriptions one client (an API token, or an address without one) may hold. @default 4 */
  maxPerClient?: number;
  /** Open subscriptions in this process, every client together. @default 1000 */
  maxOpen?: number;
  /** Changes kept for a subscriber that reads slower than they come; older ones are dropped. @default 32 */
  buffer?: number;
  /** Read the client address from X-Forwarded-For (only behind a proxy that sets it). @default false */
  trustProxy?: boolean;
}

type Topics = { ecosystemChanged: [ecosystemId: number, change: EcosystemChange] };

/**
 * Live updates: the graph engine tells what each catch-up applied (after applying, so a client
 * refetching on an event sees the change), and this publishes one event per ecosystem touched.
 * Subscriptions are bounded per client and in total, and `close` ends them all (shutdown).
 * In-process: behind a load balancer each instance announces what its own engine applies, which
 * is every change, since every engine follows the whole outbox.
 */
export class LiveUpdates implements LiveChanges {
  // The event target is ours so a subscription listens from the moment it is made (the pubsub's
  // own subscribe listens only once the stream is first read, and a change committed in between
  // would be lost) and keeps a bounded queue of its own (a stalled client must not grow it forever).
  private readonly target = new EventTarget();
  private readonly pubsub = createPubSub<Topics>({ eventTarget: this.target as never });
  private readonly streams = new Set<ChangeStream>();
  private readonly perClient = new Map<string, number>();
  private readonly options: Required<LiveOptions>;
  private readonly unlisten: () => void;
  private open = 0;
  private closed = false;

  constructor(graph: GraphEngine, options: LiveOptions = {}) {
    this.options = { maxPerClient: 4, maxOpen: 1_000, buffer: 32, trustProxy: false, ...options };
    this.unlisten = graph.onApplied((change) => this.publish(change));
  }

  /** Subscriptions open now. */
  get openCount(): number {
    return this.open;
  }

  /** True once `close` was called: the server is shutting down. */
  get isClosed(): boolean {
    return this.closed;
  }

  /** The changes of one ecosystem, until the subscriber leaves or the server closes. */
  changes(ecosystemId: number): AsyncIterableIterator<EcosystemChange> {
    if (this.closed) throw shuttingDown();
    const topic = `ecosystemChanged:${ecosystemId}`;
    const listener = (event: Event) => stream.push((event as CustomEvent<EcosystemChange>).detail);
    const stream = new ChangeStream(this.options.buffer, () => {
      this.target.removeEventListener(topic, listener);
      this.streams.delete(stream);
    });
    this.target.addEventListener(topic, listener);
    this.streams.add(stream);
    return stream;
  }

  /** Takes a subscription slot for the client of a request; null when it or the process is at its limit. */
  acquire(request: Request, req: IncomingMessage | undefined): (() => void) | null {
    const client = clientKey(request, req, this.options.trustProxy);
    const held = this.perClient.get(client) ?? 0;
    if (held >= this.options.maxPerClient || this.open >= this.options.maxOpen) return null;
    this.perClient.set(client, held + 1);
    this.open += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.open -= 1;
      const left = (this.perClient.get(client) ?? 1) - 1;
      if (left > 0) this.perClient.set(client, left);
      else this.perClient.delete(client);
    };
  }

  /** Ends every open subscription (their streams complete) and refuses new ones; resolves with how many were open. */
  async close(): Promise<number> {
    this.closed = true;
    this.unlisten();
    const streams = [...this.streams];
    await Promise.all(streams.map((stream) => stream.return()));
    return streams.length;
  }

  private publish(change: AppliedChange): void {
    for (const [ecosystemId, touch] of change.ecosystems) {
      this.pubsub.publish("ecosystemChanged", ecosystemId, {
        ecosystemId,
        graphVersion: change.version,
        kinds: [...touch.kinds].sort(),
        actorIds: [...touch.actorIds].sort((a, b) => a - b),
      });
    }
  }
}

/**
 * One subscriber's changes: queued from the moment it subscribes, the oldest dropped past
 * `capacity` (the client refetches anyway, and `graphVersion` tells it where the network is).
 */
class ChangeStream implements AsyncIterableIterator<EcosystemChange> {
  private readonly queue: EcosystemChange[] = [];
  private waiting: ((result: IteratorResult<EcosystemChange>) => void) | null = null;
  private done = false;

  constructor(
    private readonly capacity: number,
    private readonly onClose: () => void,
  ) {}

  push(change: EcosystemChange): void {
    if (this.done) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value: change, done: false });
      return;
    }
    this.queue.push(change);
    if (this.queue.length > this.capacity) this.queue.shift();
  }

  next(): Promise<IteratorResult<EcosystemChange>> {
    const value = this.queue.shift();
    if (value) return Promise.resolve({ value, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<EcosystemChange>> {
    if (!this.done) {
      this.done = true;
      this.queue.length = 0;
      this.onClose();
      this.waiting?.({ value: undefined, done: true });
      this.waiting = null;
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

/**
 * Bounds subscriptions and hands the resolvers the live updates. Each subscription is also a
 * request like any other: the rate limits count it when it opens.
 */
export function liveUpdatesPlugin(live: LiveUpdates): Plugin {
  return {
    onSubscribe({ args, extendContext, setResultAndStopExecution }) {
      const { request, req } = args.contextValue as { request: Request; req?: IncomingMessage };
      const release = live.isClosed ? null : live.acquire(request, req);
      if (!release) {
        const error = live.isClosed
          ? shuttingDown()
          : createGraphQLError("Too many open subscriptions: close one before opening another.", {
              extensions: { code: "request/too-many-subscriptions", http: { status: 429 } },
            });
        setResultAndStopExecution({ errors: [error] });
        return;
      }
      extendContext({ live } as never);
      return {
        // A subscription that failed to start (unknown territory) gives its slot back at once.
        onSubscribeResult: ({ result }) => (isAsyncIterable(result) ? { onEnd: release } : void release()),
        onSubscribeError: release,
      };
    },
  };
}

function shuttingDown() {
  return createGraphQLError("The server is shutting down: subscribe again in a moment.", {
    extensions: { code: "request/shutting-down", http: { status: 503 } },
  });
}

/** The same key the rate limits use: a digest of the token, or the address without one. */
function clientKey(request: Request, req: IncomingMessage | undefined, trustProxy: boolean): string {
  const authorization = request.headers.get("authorization");
  if (authorization) return `token:${crypto.createHash("sha256").update(authorization).digest("hex").slice(0, 32)}`;
  const forwarded = trustProxy ? request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() : undefined;
  return `address:${forwarded || (req?.socket?.remoteAddress ?? "local")}`;
}
