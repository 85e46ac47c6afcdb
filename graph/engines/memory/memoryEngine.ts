import type { Logger } from "pino";
import type { PrismaClient } from "../../../record/generated/prisma/client.js";
import type { NetworkModel } from "../../model.js";
import { readOutbox } from "../../../record/outbox.js";
import { loadNetworkModel } from "../../recordLoader.js";
import { MembershipIndexCache, type MembershipIndex } from "../../membershipIndex.js";
import type { NetworkSnapshot, SnapshotOptions } from "../../snapshot.js";
import { AnalyticsCache } from "../analyticsCache.js";
import { ChangeCollector, ChangeListeners, type AppliedChangeListener } from "../appliedChanges.js";
import type { GraphEngine, GraphReadiness } from "../graphEngine.js";
import { applyEvent } from "./applyEvent.js";

const BATCH = 1_000;

/**
 * The default engine: the network in this process, rebuilt into a snapshot only when a version
 * is first asked for, and analytics cached per version. It follows the outbox by position:
 * after this instance's own writes at once, and by polling for other instances' writes.
 */
export class MemoryGraphEngine implements GraphEngine {
  readonly name = "memory";
  private model: NetworkModel | null = null;
  private readonly cache = new AnalyticsCache();
  private readonly membershipIndex = new MembershipIndexCache();
  private catchingUp: Promise<number> = Promise.resolve(0);
  private poller: NodeJS.Timeout | null = null;
  private readonly listeners = new ChangeListeners((error) => this.logger?.error({ err: error }, "graph/memory: a change listener failed"));

  constructor(
    private readonly prisma: PrismaClient,
    private readonly logger?: Logger,
  ) {}

  version(): bigint {
    return this.requireModel().version;
  }

  async start(): Promise<void> {
    const started = performance.now();
    this.model = await loadNetworkModel(this.prisma);
    this.logger?.info(
      {
        actors: this.model.actors.size,
        alliances: this.model.alliances.size,
        interactions: this.model.interactions.size,
        version: String(this.model.version),
        ms: Math.round(performance.now() - started),
      },
      "graph engine loaded",
    );
  }

  /** Polls the outbox every `intervalMs` for writes made by other instances. */
  follow(intervalMs: number): void {
    this.poller ??= setInterval(() => void this.catchUp().catch((error) => this.logger?.error({ err: error }, "outbox catch-up failed")), intervalMs);
    this.poller.unref();
  }

  catchUp(): Promise<number> {
    // One catch-up at a time, in order: a second caller waits for the first, then reads on.
    this.catchingUp = this.catchingUp.catch(() => 0).then(() => this.applyPending());
    return this.catchingUp;
  }

  /** Always ready: the network is in this process, and every catch-up reads the record itself. */
  async readiness(): Promise<GraphReadiness> {
    return { status: "ok", engine: this.name };
  }

  onApplied(listener: AppliedChangeListener): () => void {
    return this.listeners.add(listener);
  }

  private async applyPending(): Promise<number> {
    const model = this.requireModel();
    const changes = this.listeners.size > 0 ? new ChangeCollector() : null;
    let applied = 0;
    for (;;) {
      const events = await readOutbox(this.prisma, model.version, BATCH);
      for (const event of events) {
        changes?.before(model, event);
        applyEvent(model, event);
        changes?.after(model, event);
      }
      applied += events.length;
      if (events.length < BATCH) break;
    }
    // Announced once applied: a listener refetching now sees the change.
    if (changes && applied > 0) this.listeners.emit(changes.result(model.version));
    return applied;
  }

  async snapshot(options: SnapshotOptions = {}): Promise<NetworkSnapshot> {
    return this.cache.snapshot(this.requireModel(), options);
  }

  async cached<T>(key: string, compute: (snapshot: NetworkSnapshot) => T | Promise<T>, options: SnapshotOptions = {}): Promise<T> {
    return this.cache.cached(this.requireModel(), key, compute, options);
  }

  memberships(): MembershipIndex {
    return this.membershipIndex.of(this.requireModel());
  }

  async close(): Promise<void> {
    if (this.poller) clearInterval(this.poller);
    this.poller = null;
    await this.catchingUp.catch(() => 0);
  }

  private requireModel(): NetworkModel {
    if (!this.model) throw new Error("graph/memory: the engine has not been started");
    return this.model;
  }
}
