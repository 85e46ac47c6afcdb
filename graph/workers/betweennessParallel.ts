/**
 * graph/betweennessParallel: Brandes' betweenness (graph/betweenness) with the sources spread over a
 * persistent pool of worker threads.
 *
 * U. Brandes, "A faster algorithm for betweenness centrality", Journal of Mathematical Sociology
 * 25(2), 2001, pp. 163-177. doi:10.1080/0022250X.2001.9990249 (the per-source searches are
 * independent, so sources can be split over threads, each with its own scratch and accumulator).
 * D. A. Bader and K. Madduri, "Parallel algorithms for evaluating centrality indices in real-world
 * networks", ICPP 2006, doi:10.1109/ICPP.2006.57 (coarse-grained parallelism over sources).
 *
 * Unweighted, the workers run 32 sources per pass over the ties (graph/betweennessBatch), in runs
 * of sources that lie close together (graph/sourceBatches); weighted or cross-group, one source at
 * a time with graph/betweenness's own kernel (graph/dependencyWorker). `npm run bench` times it
 * against one thread and igraph.
 *
 * How:
 * - The graph is copied once into SharedArrayBuffers, which every worker reads without copying; the
 *   copy is cached per CsrGraph object (graphs are treated as immutable, as everywhere here).
 * - Unweighted, the nodes are first relabelled in breadth-first order, so that neighbours tend to
 *   have close labels and a search touches memory in runs; results are mapped back. It is done once
 *   per graph, and pays when the caller's labels are scattered over the network; labels that
 *   already follow its structure lose nothing by it. Weighted searches keep the caller's labels:
 *   with zero lengths, NetworkX's counts depend on them.
 * - Sources are cut into at most 64 chunks, taken by the workers from a shared counter (dynamic
 *   balance). Each chunk sums into its own row of a shared block and the rows are added in chunk
 *   order: results do not depend on the number of workers or on timing, and agree with the
 *   single-thread functions up to rounding.
 * - Workers start once, with the pool (graph/startWorker), and are unreferenced while idle: an idle
 *   pool never keeps the process alive. `close()` ends them.
 *
 * `createBetweennessPool` starts the workers on graph/betweennessWorker, which runs Brandes' kernel
 * only: what the API asks. `createDependencyPool` starts them on another entry that serves more
 * kernels, for the callers that need them.
 */
import os from "node:os";
import { checkGraph, checkGroups, DEFAULTS, nodeScale, resolveOptions, type BetweennessOptions } from "../algorithms/betweenness.js";
import { BATCH } from "../algorithms/betweennessBatch.js";
import { sourceBatchOrder } from "../algorithms/sourceBatches.js";
import type { CsrGraph } from "../csr.js";
import { startWorker, workerEntry } from "./startWorker.js";

const MODULE = "graph/betweennessParallel";

/** Most chunks a task is cut into; fewer when chunkCount * n doubles would pass `MAX_BLOCK`. */
const MAX_CHUNKS = 64;
const MAX_BLOCK = 1 << 23;

export interface BetweennessPoolOptions {
  /** Worker threads. @default os.availableParallelism() */
  workers?: number;
}

export const POOL_DEFAULTS: Required<BetweennessPoolOptions> = { workers: os.availableParallelism() };

/** What every task gives, whichever kernel runs it. */
export interface SourcesTask {
  weighted: boolean;
  /** Source nodes, in the caller's labels; null for every node. */
  sources: ArrayLike<number> | null;
  /**
   * One group label per node: only targets in another group than the source count (graph/betweenness's
   * cross-group variant). @default null
   */
  groups?: ArrayLike<number> | null;
}

/** A task of Brandes' kernel, the one kernel graph/betweennessWorker runs. */
export interface DependencyTask extends SourcesTask {
  kernel: "brandes";
}

/** What the workers run for one task: a kernel their entry serves, the numbers it reads, and how many sums it writes per node. */
export interface KernelCall {
  kernel: string;
  width: number;
  params: Readonly<Record<string, number>>;
}

/** Where a pool's workers start, and which tasks they run. */
export interface PoolWorkers<Task extends SourcesTask> {
  /** Names the pool in its errors. */
  module: string;
  /** The workers' module: one that serves "brandes" (graph/dependencyWorker's brandesKernel) and every kernel `call` accepts. */
  entry: URL;
  /** The kernel call for a task; throws on a task the workers cannot run. */
  call(task: Task): KernelCall;
}

export interface BetweennessPool<Task extends SourcesTask = DependencyTask> {
  readonly size: number;
  readonly closed: boolean;
  /** A worker failed or exited: every later call is refused, and the pool should be replaced. */
  readonly broken: boolean;
  /** Resolves once every worker has loaded its code (once; under tsx, after compiling the sources). */
  ready(): Promise<void>;
  /** As graph/betweenness's `betweenness`, computed on the pool. */
  betweenness(graph: CsrGraph, options?: BetweennessOptions): Promise<Float64Array>;
  /** The sums of the task's kernel's dependencies over the sources (unscaled, caller's labels; `width` sums per node). */
  sumDependencies(graph: CsrGraph, task: Task): Promise<Float64Array>;
  /** Ends the workers; calls waiting in the queue are refused. */
  close(): Promise<void>;
}

/** A graph as the workers receive it: rows and lengths in shared memory. */
export interface SharedCsr {
  key: number;
  nodeCount: number;
  edgeCount: number;
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array | null;
}

export interface WorkerTask {
  id: number;
  graph: SharedCsr;
  kernel: string;
  params: Readonly<Record<string, number>>;
  weighted: boolean;
  /** Sources in the shared graph's labels; null for 0 .. total-1. */
  sources: Int32Array | null;
  /** Group labels indexed by the shared graph's labels (cross-group variant); null for plain dependencies. */
  groups: Int32Array | null;
  total: number;
  /** Sums per node. */
  width: number;
  chunkCount: number;
  counter: Int32Array;
  /** chunkCount rows of nodeCount * width sums. */
  out: Float64Array;
}

export type WorkerReply = { type: "ready" } | { type: "done"; id: number } | { type: "error"; id: number; message: string };

/** A shared copy of a graph for the workers, and how its labels map to the caller's. */
interface Prepared {
  shared: SharedCsr;
  /** newLabel[v] for the caller's node v; null when the labels are the caller's. */
  newLabel: Int32Array | null;
  /** Unweighted: every node, in new labels, in runs of 32 close together (graph/sourceBatches). */
  batchOrder: Int32Array | null;
}

let nextGraphKey = 1;

function sharedInt32(length: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(Math.max(1, length) * 4), 0, length);
}

function sharedFloat64(length: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(Math.max(1, length) * 8), 0, length);
}

/**
 * Breadth-first order over every component (each started from its lowest unvisited label), as
 * newLabel[v]; rows are laid out in the new labels, each sorted.
 */
export function relabelBreadthFirst(graph: CsrGraph): { newLabel: Int32Array; offsets: Int32Array; targets: Int32Array } {
  const n = graph.nodeCount;
  const { offsets, targets } = graph;
  const order = new Int32Array(n);
  const newLabel = new Int32Array(n).fill(-1);
  let tail = 0;
  for (let root = 0; root < n; root += 1) {
    if (newLabel[root] !== -1) continue;
    newLabel[root] = tail;
    order[tail++] = root;
    for (let head = tail - 1; head < tail; head += 1) {
      const v = order[head]!;
      for (let i = offsets[v]!, end = offsets[v + 1]!; i < end; i += 1) {
        const w = targets[i]!;
        if (newLabel[w] === -1) {
          newLabel[w] = tail;
          order[tail++] = w;
        }
      }
    }
  }
  const newOffsets = sharedInt32(n + 1);
  const newTargets = sharedInt32(targets.length);
  for (let u = 0; u < n; u += 1) {
    const v = order[u]!;
    const start = newOffsets[u]!;
    let at = start;
    for (let i = offsets[v]!, end = offsets[v + 1]!; i < end; i += 1) newTargets[at++] = newLabel[targets[i]!]!;
    newOffsets[u + 1] = at;
    newTargets.subarray(start, at).sort();
  }
  return { newLabel, offsets: newOffsets, targets: newTargets };
}

function prepareGraph(graph: CsrGraph, weighted: boolean): Prepared {
  const key = nextGraphKey++;
  if (!weighted) {
    const { newLabel, offsets, targets } = relabelBreadthFirst(graph);
    const batchOrder = sharedInt32(graph.nodeCount);
    batchOrder.set(sourceBatchOrder({ nodeCount: graph.nodeCount, offsets, targets }, BATCH));
    return { shared: { key, nodeCount: graph.nodeCount, edgeCount: graph.edgeCount, offsets, targets, weights: null }, newLabel, batchOrder };
  }
  const offsets = sharedInt32(graph.offsets.length);
  offsets.set(graph.offsets);
  const targets = sharedInt32(graph.targets.length);
  targets.set(graph.targets);
  const weights = sharedFloat64(graph.weights.length);
  weights.set(graph.weights);
  return { shared: { key, nodeCount: graph.nodeCount, edgeCount: graph.edgeCount, offsets, targets, weights }, newLabel: null, batchOrder: null };
}

interface Running {
  id: number;
  waiting: number;
  failure: string | null;
  resolve: () => void;
  reject: (error: Error) => void;
}

const BRANDES: KernelCall = { kernel: "brandes", width: 1, params: {} };

function brandesCall(task: DependencyTask): KernelCall {
  if (task?.kernel !== "brandes") throw new Error(`${MODULE}: unknown kernel ${String(task?.kernel)}`);
  return BRANDES;
}

/** The pool the API's analytics run on: Brandes' kernel only. */
export function createBetweennessPool(options: BetweennessPoolOptions = {}): BetweennessPool {
  return createDependencyPool({ module: MODULE, entry: workerEntry("betweennessWorker", import.meta.url), call: brandesCall }, options);
}

/** A pool whose workers start on `workers.entry`, running the kernels its `call` accepts and Brandes' for `betweenness`. */
export function createDependencyPool<Task extends SourcesTask>(
  { module: name, entry, call }: PoolWorkers<Task>,
  options: BetweennessPoolOptions = {},
): BetweennessPool<Task> {
  const { workers: requested } = resolveOptions(name, POOL_DEFAULTS, options);
  if (!Number.isInteger(requested) || requested < 1) throw new Error(`${name}: workers must be a positive integer, got ${requested}`);
  const prepared = new WeakMap<CsrGraph, { unweighted?: Prepared; weighted?: Prepared }>();
  let closed = false;
  let broken: Error | null = null;
  let running: Running | null = null;
  let nextTask = 1;
  let queue: Promise<unknown> = Promise.resolve();
  let readyCount = 0;
  let readyResolve: () => void = () => {};
  let readyReject: (error: Error) => void = () => {};
  const readyPromise = new Promise<void>((resolve, reject) => {
    readyResolve = resolve;
    readyReject = reject;
  });
  readyPromise.catch(() => undefined);

  const fail = (error: Error) => {
    if (broken === null) broken = error;
    readyReject(error);
    if (running !== null) {
      const task = running;
      running = null;
      task.reject(error);
    }
    for (const worker of workers) void worker.terminate();
  };

  const workers = Array.from({ length: requested }, () => {
    // Referenced until every worker has loaded (so that awaiting ready() keeps the process up),
    // then only while a task runs.
    const worker = startWorker(entry);
    worker.on("message", (reply: WorkerReply) => {
      if (reply.type === "ready") {
        readyCount += 1;
        if (readyCount === requested) {
          readyResolve();
          if (running === null) for (const w of workers) w.unref();
        }
        return;
      }
      const task = running;
      if (task === null || task.id !== reply.id) return;
      if (reply.type === "error") task.failure ??= reply.message;
      task.waiting -= 1;
      if (task.waiting === 0) {
        running = null;
        if (readyCount === requested) for (const w of workers) w.unref();
        if (task.failure !== null) task.reject(new Error(task.failure));
        else task.resolve();
      }
    });
    worker.on("error", (error) => fail(new Error(`${name}: a worker failed: ${error.message}`)));
    worker.on("exit", (code) => {
      if (!closed) fail(new Error(`${name}: a worker exited (code ${code})`));
    });
    return worker;
  });

  const check = () => {
    if (closed) throw new Error(`${name}: the pool is closed`);
    if (broken !== null) throw broken;
  };

  /** Runs one task on every worker; the queue keeps tasks one at a time. */
  const dispatch = (task: Omit<WorkerTask, "id">): Promise<void> => {
    check();
    const id = nextTask++;
    return new Promise<void>((resolve, reject) => {
      running = { id, waiting: workers.length, failure: null, resolve, reject };
      for (const worker of workers) {
        worker.ref();
        worker.postMessage({ ...task, id } satisfies WorkerTask);
      }
    });
  };

  const enqueue = <T>(job: () => Promise<T>): Promise<T> => {
    const result = queue.then(() => {
      check();
      return job();
    });
    queue = result.catch(() => undefined);
    return result;
  };

  const preparedFor = (graph: CsrGraph, weighted: boolean): Prepared => {
    let entry = prepared.get(graph);
    if (entry === undefined) prepared.set(graph, (entry = {}));
    const mode = weighted ? "weighted" : "unweighted";
    return (entry[mode] ??= prepareGraph(graph, weighted));
  };

  const sum = (
    graph: CsrGraph,
    { kernel, width, params }: KernelCall,
    weighted: boolean,
    sources: ArrayLike<number> | null,
    groups: ArrayLike<number> | null,
  ): Promise<Float64Array> => {
    checkGraph(name, graph, weighted);
    const n = graph.nodeCount;
    const labels = groups === null ? null : checkGroups(name, graph, groups);
    let given: Int32Array | null = null;
    if (sources !== null && sources !== undefined) {
      given = Int32Array.from(sources);
      given.forEach((s, j) => {
        if (!(s >= 0 && s < n) || s !== sources[j]) throw new Error(`${name}: source ${sources[j]} does not exist`);
      });
    }
    return enqueue(async () => {
      const { shared, newLabel, batchOrder } = preparedFor(graph, weighted);
      const total = given === null ? n : given.length;
      const result = new Float64Array(n * width);
      if (total === 0 || n === 0) return result;
      // Every node a source, 32 at a time: in runs that lie close together, the searches share more.
      let shiftedSources: Int32Array | null = labels === null ? batchOrder : null;
      if (given !== null) {
        shiftedSources = sharedInt32(total);
        for (let j = 0; j < total; j += 1) shiftedSources[j] = newLabel === null ? given[j]! : newLabel[given[j]!]!;
      }
      let shiftedGroups: Int32Array | null = null;
      if (labels !== null) {
        shiftedGroups = sharedInt32(n);
        for (let v = 0; v < n; v += 1) shiftedGroups[newLabel === null ? v : newLabel[v]!] = labels[v]!;
      }
      const size = n * width;
      const chunkCount = Math.max(1, Math.min(total, MAX_CHUNKS, Math.floor(MAX_BLOCK / size)));
      const out = sharedFloat64(chunkCount * size);
      const counter = sharedInt32(1);
      await dispatch({ graph: shared, kernel, params, weighted, sources: shiftedSources, groups: shiftedGroups, total, width, chunkCount, counter, out });
      const sums = new Float64Array(size);
      for (let chunk = 0; chunk < chunkCount; chunk += 1) {
        const row = out.subarray(chunk * size, (chunk + 1) * size);
        for (let i = 0; i < size; i += 1) sums[i]! += row[i]!;
      }
      if (newLabel === null) return sums;
      for (let v = 0; v < n; v += 1) result.set(sums.subarray(newLabel[v]! * width, (newLabel[v]! + 1) * width), v * width);
      return result;
    });
  };

  const sumDependencies = async (graph: CsrGraph, task: Task): Promise<Float64Array> =>
    sum(graph, call(task), task.weighted === true, task.sources, task.groups ?? null);

  return {
    size: requested,
    get closed() {
      return closed;
    },
    get broken() {
      return broken !== null;
    },
    async ready() {
      check();
      return readyPromise;
    },
    async betweenness(graph, options = {}) {
      const { weighted, normalized } = resolveOptions(name, DEFAULTS, options);
      const values = await sum(graph, BRANDES, weighted, null, null);
      const scale = nodeScale(graph.nodeCount, normalized);
      for (let v = 0; v < values.length; v += 1) values[v]! *= scale;
      return values;
    },
    sumDependencies,
    async close() {
      if (closed) return;
      closed = true;
      if (running !== null) {
        const task = running;
        running = null;
        task.reject(new Error(`${name}: the pool was closed while computing`));
      }
      readyReject(new Error(`${name}: the pool is closed`));
      // Idle workers are unreferenced: referenced again so that the event loop waits for their
      // exit, or a caller awaiting close() at top level would see the loop empty and Node exit 13.
      for (const worker of workers) worker.ref();
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
