/** bench/estimatorWorker: one thread of bench/estimatorPool: graph's Brandes kernel, and the estimators' scaled kernels. */
import { brandesKernel, serveDependencyTasks, type WorkerKernel } from "../../graph/workers/dependencyWorker.js";
import { accumulateLinearFromSource } from "./betweennessScaled.js";
import { accumulateStrataFromSource } from "./betweennessStrata.js";
import { accumulateScaledBatch } from "./scaledBatch.js";

const LINEAR = { kind: "linear" } as const;

const linear: WorkerKernel = {
  batch(graph, sources, count, scratch, into) {
    accumulateScaledBatch(graph, sources, count, scratch, into, LINEAR);
  },
  source(graph, source, scratch, into, { weighted }) {
    accumulateLinearFromSource(graph, source, scratch, into, weighted);
  },
};

const strata: WorkerKernel<{ classes: number; offset: number }> = {
  batch(graph, sources, count, scratch, into, { classes, offset }) {
    accumulateScaledBatch(graph, sources, count, scratch, into, { kind: "strata", classes, offset });
  },
  source(graph, source, scratch, into, _variant, { classes, offset }) {
    accumulateStrataFromSource(graph, source, scratch, into, classes, offset);
  },
};

serveDependencyTasks({ brandes: brandesKernel, linear, strata });
