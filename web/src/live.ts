/**
 * Live updates of an open map: the `ecosystemChanged` subscription (server-sent events over a
 * fetch stream, api/sse.ts) for the ecosystem a view shows, reconnected with backoff while the
 * view stays open, and ended when it closes. The view decides what a change means (a refetch).
 */
import { gqlDocument } from "./api/client.ts";
import { subscribe } from "./api/sse.ts";
import type { TerritoryLevel } from "./api/types.ts";

export type ChangeKind = "ACTOR" | "ALLIANCE" | "INTERACTION" | "PRACTICE_ASSESSMENT";

export interface EcosystemChange {
  ecosystem: string;
  territoryCode: string;
  graphVersion: string;
  kinds: ChangeKind[];
  actorIds: string[];
}

/** "off": the API knows no such ecosystem, or the view closed; nothing more will come. */
export type LiveState = "connecting" | "open" | "retrying" | "off";

const ECOSYSTEM_CHANGED = gqlDocument<{ ecosystemChanged: EcosystemChange }, { code: string; level?: TerritoryLevel }>(`
subscription EcosystemChanged($code: String!, $level: TerritoryLevel) {
  ecosystemChanged(territoryCode: $code, level: $level) { ecosystem territoryCode graphVersion kinds actorIds }
}`);

export interface WatchOptions {
  code: string;
  level?: TerritoryLevel | null;
  /** A change, or null after a reconnection: changes may have been missed meanwhile. */
  onChange(change: EcosystemChange | null): void;
  onState?(state: LiveState): void;
}

/** @default 1 s, doubling up to 30 s, with up to 30 % jitter so that clients do not come back together */
export function backoffMs(attempt: number, random = Math.random): number {
  const base = Math.min(30_000, 1_000 * 2 ** attempt);
  return Math.round(base * (1 + 0.3 * random()));
}

/** Subscribes to an ecosystem's changes until the returned function is called. */
export function watchEcosystem(options: WatchOptions): () => void {
  const controller = new AbortController();
  const { signal } = controller;
  const setState = (state: LiveState) => options.onState?.(state);
  const variables = { code: options.code, ...(options.level ? { level: options.level } : {}) };

  void (async () => {
    let attempt = 0;
    let wasOpen = false;
    while (!signal.aborted) {
      setState("connecting");
      const end = await subscribe(
        ECOSYSTEM_CHANGED,
        variables,
        {
          onOpen: () => {
            attempt = 0;
            setState("open");
            if (wasOpen) options.onChange(null);
            wasOpen = true;
          },
          onData: (data) => options.onChange(data.ecosystemChanged),
        },
        signal,
      );
      if (signal.aborted) break;
      if (end.kind === "error" && end.error.code === "record/not-found") {
        setState("off");
        return;
      }
      if (end.kind === "error" && end.error.code !== "request/shutting-down") console.warn("live updates", end.error.message);
      setState("retrying");
      await sleep(end.kind === "error" && end.retryAfterMs !== null ? end.retryAfterMs : backoffMs(attempt++), signal);
    }
    setState("off");
  })();

  return () => controller.abort();
}

/**
 * Runs `task` for a burst of changes without piling up: one run at a time, and one more after it
 * when changes came meanwhile.
 */
export function coalesce(task: () => Promise<void>): () => void {
  let running = false;
  let again = false;
  const run = async () => {
    running = true;
    try {
      do {
        again = false;
        await task();
      } while (again);
    } finally {
      running = false;
    }
  };
  return () => {
    if (running) again = true;
    else void run();
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
  });
}
