/** graph/betweennessWorker: one thread of the API's pool (graph/betweennessParallel): Brandes' kernel, nothing else. */
import { brandesKernel, serveDependencyTasks } from "./dependencyWorker.js";

serveDependencyTasks({ brandes: brandesKernel });
