/**
 * bench/estimatorPool: a betweenness pool (graph/betweennessParallel) whose workers
 * (bench/estimatorWorker) also run the estimators' kernels: linearly scaled dependencies
 * (bench/betweennessScaled) and scaled ones per distance class (bench/betweennessStrata).
 */
import { createDependencyPool, type BetweennessPool, type BetweennessPoolOptions, type KernelCall } from "../../graph/workers/betweennessParallel.js";
import { workerEntry } from "../../graph/workers/startWorker.js";
import { STRATUM_WIDTH } from "./betweennessStrata.js";

const MODULE = "bench/estimatorPool";

export interface EstimatorTask {
  kernel: "brandes" | "linear" | "strata";
  weighted: boolean;
  /** Source nodes, in the caller's labels; null for every node. */
  sources: ArrayLike<number> | null;
  /** Brandes kernel only: one group label per node (graph/betweenness's cross-group variant). @default null */
  groups?: ArrayLike<number> | null;
  /** Strata kernel only: distance classes per node (the result then holds STRATUM_WIDTH * classes values per node). */
  classes?: number;
  /** Strata kernel only: the share offset, > -1 (bench/betweennessStrata). @default 0 */
  offset?: number;
}

export type EstimatorPool = BetweennessPool<EstimatorTask>;

function estimatorCall(task: EstimatorTask): KernelCall {
  const { kernel, weighted, groups = null, classes = 0, offset = 0 } = task ?? {};
  if (kernel !== "brandes" && kernel !== "linear" && kernel !== "strata") throw new Error(`${MODULE}: unknown kernel ${String(kernel)}`);
  if (kernel === "strata" && (weighted || !Number.isInteger(classes) || classes < 1))
    throw new Error(`${MODULE}: the strata kernel is unweighted and needs classes >= 1`);
  if (!(Number.isFinite(offset) && offset > -1) || (offset !== 0 && kernel !== "strata"))
    throw new Error(`${MODULE}: a share offset > -1 applies to the strata kernel only, got ${offset}`);
  if (groups !== null && kernel !== "brandes") throw new Error(`${MODULE}: groups apply to the brandes kernel only`);
  if (kernel === "strata") return { kernel, width: STRATUM_WIDTH * classes, params: { classes, offset } };
  return { kernel, width: 1, params: {} };
}

export function createEstimatorPool(options: BetweennessPoolOptions = {}): EstimatorPool {
  return createDependencyPool({ module: MODULE, entry: workerEntry("estimatorWorker", import.meta.url), call: estimatorCall }, options);
}
