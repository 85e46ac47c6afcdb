/**
 * graph/sharedBetweennessPool: the process's one worker pool for betweenness (graph/betweennessParallel),
 * started on first use and shared by every caller, so the server's analytics never start more
 * threads than there are cores however many requests or test servers ask at once.
 *
 * The pool's workers are unreferenced while idle, so an unused pool never keeps the process alive;
 * still, whoever shuts the process down (server/index.ts, the test API's close) calls
 * `closeSharedBetweennessPool()` so that no computation outlives it. A pool that was closed or whose
 * worker failed is replaced by a new one on the next call.
 */
import { createBetweennessPool, type BetweennessPool } from "./betweennessParallel.js";

let current: BetweennessPool | null = null;

/** The shared pool, started now if there is none (or the last one was closed or broke). */
export function sharedBetweennessPool(): BetweennessPool {
  if (current === null || current.closed || current.broken) current = createBetweennessPool();
  return current;
}

/** Ends the shared pool's workers, if it was ever started; calls still waiting in its queue are refused. */
export async function closeSharedBetweennessPool(): Promise<void> {
  const pool = current;
  current = null;
  if (pool !== null) await pool.close();
}
