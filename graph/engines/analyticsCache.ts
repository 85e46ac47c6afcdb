import type { NetworkModel } from "../model.js";
import { buildSnapshot, type NetworkSnapshot, type SnapshotOptions } from "../snapshot.js";

/**
 * Snapshots and analytics of one version of the network, shared by both engines: a snapshot is
 * built once per version and options, a result once per version, options and key, and both are
 * dropped together when the version moves. Concurrent requests for the same key share one
 * computation; a failed one is forgotten so the next request tries again.
 *
 * Past days (`asOf`) and custom weights each make a snapshot of their own: a client walking
 * through hundreds of days would hold hundreds of them, so only the most recently used
 * `maxVariants` are kept, with their results; the current network with default weights always is.
 */
export class AnalyticsCache {
  constructor(private readonly maxVariants = 12) {}

  private snapshots = new Map<string, Promise<NetworkSnapshot>>();
  private results = new Map<string, Promise<unknown>>();
  private cacheVersion = -1n;

  snapshot(model: NetworkModel, options: SnapshotOptions = {}): Promise<NetworkSnapshot> {
    this.dropStale(model.version);
    const key = snapshotKey(options);
    let snapshot = this.snapshots.get(key);
    if (snapshot) {
      // Re-inserted to mark it the most recently used (a Map iterates in insertion order).
      this.snapshots.delete(key);
    } else {
      snapshot = Promise.resolve().then(() => buildSnapshot(model, options));
    }
    this.snapshots.set(key, snapshot);
    this.evictVariants();
    return snapshot;
  }

  cached<T>(model: NetworkModel, key: string, compute: (snapshot: NetworkSnapshot) => T | Promise<T>, options: SnapshotOptions = {}): Promise<T> {
    this.dropStale(model.version);
    const fullKey = `${snapshotKey(options)}|${key}`;
    let result = this.results.get(fullKey) as Promise<T> | undefined;
    if (!result) {
      result = this.snapshot(model, options).then(compute);
      this.results.set(fullKey, result);
      result.catch(() => this.results.delete(fullKey));
    }
    return result;
  }

  /** Forgets everything, for a model replaced at the same version (a rebuild). */
  clear(): void {
    this.snapshots.clear();
    this.results.clear();
    this.cacheVersion = -1n;
  }

  private evictVariants(): void {
    const variants = [...this.snapshots.keys()].filter((key) => key !== CURRENT_KEY);
    for (const key of variants.slice(0, Math.max(0, variants.length - this.maxVariants))) {
      this.snapshots.delete(key);
      for (const resultKey of this.results.keys()) if (resultKey.startsWith(`${key}|`)) this.results.delete(resultKey);
    }
  }

  private dropStale(version: bigint): void {
    if (version === this.cacheVersion) return;
    this.snapshots.clear();
    this.results.clear();
    this.cacheVersion = version;
  }
}

const CURRENT_KEY = snapshotKey({});

function snapshotKey(options: SnapshotOptions): string {
  return JSON.stringify({ asOf: options.asOf?.toISOString().slice(0, 10) ?? null, weights: options.weights ?? null });
}
