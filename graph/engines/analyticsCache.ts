import type { NetworkModel } from "../model.js";
import { buildSnapshot, type NetworkSnapshot, type SnapshotOptions } from "../snapshot.js";

/**
 * Snapshots and analytics of one version of the network, shared by both engines: a snapshot is
 * built once per version and options, a result once per version, options and key, and both are
 * dropped together when the version moves. Concurrent requests for the same key share one
 * computation; a failed one is forgotten so the next request tries again.
 */
export class AnalyticsCache {
  private snapshots = new Map<string, Promise<NetworkSnapshot>>();
  private results = new Map<string, Promise<unknown>>();
  private cacheVersion = -1n;

  snapshot(model: NetworkModel, options: SnapshotOptions = {}): Promise<NetworkSnapshot> {
    this.dropStale(model.version);
    const key = snapshotKey(options);
    let snapshot = this.snapshots.get(key);
    if (!snapshot) {
      snapshot = Promise.resolve().then(() => buildSnapshot(model, options));
      this.snapshots.set(key, snapshot);
    }
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

  private dropStale(version: bigint): void {
    if (version === this.cacheVersion) return;
    this.snapshots.clear();
    this.results.clear();
    this.cacheVersion = version;
  }
}

function snapshotKey(options: SnapshotOptions): string {
  return JSON.stringify({ asOf: options.asOf?.toISOString().slice(0, 10) ?? null, weights: options.weights ?? null });
}
