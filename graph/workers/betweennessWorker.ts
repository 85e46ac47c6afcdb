/**
 * graph/betweennessWorker: one thread of graph/betweennessParallel's pool. It receives a graph as
 * shared typed arrays, takes chunks of sources from a shared counter until none is left, and writes
 * each chunk's summed dependencies into that chunk's row of a shared result block; the main thread
 * adds the rows in chunk order, so the result does not depend on which thread ran which chunk.
 */
import { parentPort } from "node:worker_threads";
import type { CsrGraph } from "../csr.js";
import { accumulateFromSource, createScratch, type BrandesScratch } from "../algorithms/betweenness.js";
import { accumulateBatch, BATCH, createBatchScratch, type BatchDependencies, type BatchScratch } from "../algorithms/betweennessBatch.js";
import { accumulateLinearFromSource } from "../algorithms/betweennessScaled.js";
import { STRATUM_WIDTH } from "../algorithms/betweennessStrata.js";
import type { WorkerReply, WorkerTask } from "./betweennessParallel.js";

if (parentPort === null) throw new Error("graph/betweennessWorker: must run as a worker thread");
const port = parentPort;

let cached: { key: number; weighted: boolean; graph: CsrGraph; scratch: BrandesScratch; batch: BatchScratch | null } | null = null;

function prepare(task: WorkerTask): { graph: CsrGraph; scratch: BrandesScratch; batch: BatchScratch | null } {
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
}

function run(task: WorkerTask): void {
  const prepared = prepare(task);
  const { graph, scratch } = prepared;
  const n = graph.nodeCount;
  const { sources, groups, total, classes, offset, chunkCount, counter, out, kernel, weighted } = task;
  const size = kernel === "strata" ? n * STRATUM_WIDTH * classes : n;
  const variant = { weighted, groups };
  for (;;) {
    const chunk = Atomics.add(counter, 0, 1);
    if (chunk >= chunkCount) break;
    const into = out.subarray(chunk * size, (chunk + 1) * size);
    if (!weighted && groups === null) {
      // Unweighted, every kernel: 32 sources per pass over the ties (graph/betweennessBatch).
      const batch = (prepared.batch ??= createBatchScratch(graph));
      const dependencies: BatchDependencies = kernel === "strata" ? { kind: "strata", classes, offset } : { kind: kernel };
      const ids = new Int32Array(BATCH);
      // Chunks cut on whole runs of 32, as the sources were ordered (graph/sourceBatches).
      const runs = Math.ceil(total / BATCH);
      const from = Math.floor((chunk * runs) / chunkCount) * BATCH;
      const to = Math.min(total, Math.floor(((chunk + 1) * runs) / chunkCount) * BATCH);
      for (let j = from; j < to; j += BATCH) {
        const count = Math.min(BATCH, to - j);
        for (let b = 0; b < count; b += 1) ids[b] = sources === null ? j + b : sources[j + b]!;
        accumulateBatch(graph, ids, count, batch, into, dependencies);
      }
      continue;
    }
    // Weighted searches, or cross-group counts: one source at a time (the strata kernel is unweighted).
    const lo = Math.floor((chunk * total) / chunkCount);
    const hi = Math.floor(((chunk + 1) * total) / chunkCount);
    const accumulators = { nodes: into, ties: null };
    for (let j = lo; j < hi; j += 1) {
      const source = sources === null ? j : sources[j]!;
      if (kernel === "linear") accumulateLinearFromSource(graph, source, scratch, into, weighted);
      else accumulateFromSource(graph, source, scratch, accumulators, variant);
    }
  }
}

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
