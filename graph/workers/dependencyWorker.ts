/**
 * graph/dependencyWorker: what one thread of a dependency pool (graph/betweennessParallel) runs. It
 * receives a graph as shared typed arrays, takes chunks of sources from a shared counter until none
 * is left, and writes each chunk's summed dependencies into that chunk's row of a shared result
 * block; the main thread adds the rows in chunk order, so the result does not depend on which
 * thread ran which chunk.
 *
 * A worker's entry module calls `serveDependencyTasks` with the kernels it serves, by name;
 * graph/betweennessWorker serves `brandesKernel` alone.
 */
import { parentPort } from "node:worker_threads";
import { accumulateFromSource, createScratch, type BrandesScratch, type BrandesVariant } from "../algorithms/betweenness.js";
import { accumulateBatch, BATCH, createBatchScratch, type BatchScratch } from "../algorithms/betweennessBatch.js";
import type { CsrGraph } from "../csr.js";
import type { WorkerReply, WorkerTask } from "./betweennessParallel.js";

/** A per-source kernel as the workers run it, reading `params` (the task's KernelCall params). */
export interface WorkerKernel<Params = Readonly<Record<string, number>>> {
  /** Unweighted, without groups: adds the dependencies of sources[0 .. count) (count <= BATCH) to `into`, in one multi-source pass. */
  batch(graph: CsrGraph, sources: Int32Array, count: number, scratch: BatchScratch, into: Float64Array, params: Params): void;
  /** Weighted, or with groups: adds one source's dependencies to `into`. */
  source(graph: CsrGraph, source: number, scratch: BrandesScratch, into: Float64Array, variant: BrandesVariant, params: Params): void;
}

/** Brandes' dependencies, plain or cross-group (graph/betweenness, graph/betweennessBatch). */
export const brandesKernel: WorkerKernel = {
  batch(graph, sources, count, scratch, into) {
    accumulateBatch(graph, sources, count, scratch, into);
  },
  source(graph, source, scratch, into, variant) {
    accumulateFromSource(graph, source, scratch, { nodes: into, ties: null }, variant);
  },
};

interface Prepared {
  key: number;
  weighted: boolean;
  graph: CsrGraph;
  scratch: BrandesScratch;
  batch: BatchScratch | null;
}

/** Answers the pool's tasks on this thread with `kernels`; a task naming another kernel fails. */
export function serveDependencyTasks(kernels: Readonly<Record<string, WorkerKernel<never>>>): void {
  if (parentPort === null) throw new Error("graph/dependencyWorker: must run as a worker thread");
  const port = parentPort;
  let cached: Prepared | null = null;

  const prepare = (task: WorkerTask): Prepared => {
    if (cached !== null && cached.key === task.graph.key && cached.weighted === task.weighted) return cached;
    const shared = task.graph;
    // The kernels read only the rows (offsets, targets) and, weighted, the lengths; the per-tie
    // arrays stay empty here.
    const graph: CsrGraph = {
      nodeCount: shared.nodeCount,
      edgeCount: shared.edgeCount,
      offsets: shared.offsets,
      targets: shared.targets,
      weights: shared.weights ?? new Float64Array(0),
      edgeOf: new Int32Array(0),
      edgeSource: new Int32Array(0),
      edgeTarget: new Int32Array(0),
      edgeWeight: new Float64Array(0),
    };
    cached = { key: shared.key, weighted: task.weighted, graph, scratch: createScratch(graph, { weighted: task.weighted }), batch: null };
    return cached;
  };

  const run = (task: WorkerTask): void => {
    const kernel = Object.hasOwn(kernels, task.kernel) ? kernels[task.kernel]! : null;
    if (kernel === null) throw new Error(`graph/dependencyWorker: this worker does not serve the kernel ${task.kernel}`);
    // Each kernel reads the params it was called with (KernelCall); the pool passes them through.
    const params = task.params as never;
    const prepared = prepare(task);
    const { graph, scratch } = prepared;
    const { sources, groups, total, width, chunkCount, counter, out, weighted } = task;
    const size = graph.nodeCount * width;
    const variant: BrandesVariant = { weighted, groups };
    for (;;) {
      const chunk = Atomics.add(counter, 0, 1);
      if (chunk >= chunkCount) break;
      const into = out.subarray(chunk * size, (chunk + 1) * size);
      if (!weighted && groups === null) {
        const batch = (prepared.batch ??= createBatchScratch(graph));
        const ids = new Int32Array(BATCH);
        // Chunks cut on whole runs of 32, as the sources were ordered (graph/sourceBatches).
        const runs = Math.ceil(total / BATCH);
        const from = Math.floor((chunk * runs) / chunkCount) * BATCH;
        const to = Math.min(total, Math.floor(((chunk + 1) * runs) / chunkCount) * BATCH);
        for (let j = from; j < to; j += BATCH) {
          const count = Math.min(BATCH, to - j);
          for (let b = 0; b < count; b += 1) ids[b] = sources === null ? j + b : sources[j + b]!;
          kernel.batch(graph, ids, count, batch, into, params);
        }
        continue;
      }
      const lo = Math.floor((chunk * total) / chunkCount);
      const hi = Math.floor(((chunk + 1) * total) / chunkCount);
      for (let j = lo; j < hi; j += 1) kernel.source(graph, sources === null ? j : sources[j]!, scratch, into, variant, params);
    }
  };

  port.on("message", (task: WorkerTask) => {
    let reply: WorkerReply;
    try {
      run(task);
      reply = { type: "done", id: task.id };
    } catch (error) {
      reply = { type: "error", id: task.id, message: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  });
  port.postMessage({ type: "ready" } satisfies WorkerReply);
}
