/**
 * graph/startWorker: starts a worker thread on a module, from the TypeScript sources as from a
 * compiled build.
 *
 * Node 20 does not apply loader hooks given by --import to a worker's entry file, so under tsx (or
 * vitest) a two-line entry imports the module through tsx's `tsImport`; a compiled build gives the
 * .js module to the worker as it is.
 */
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

/** The module `name` beside `moduleUrl` (a caller's import.meta.url), with the caller's own extension. */
export function workerEntry(name: string, moduleUrl: string): URL {
  return new URL(`./${name}${moduleUrl.endsWith(".ts") ? ".ts" : ".js"}`, moduleUrl);
}

export function startWorker(entry: URL): Worker {
  if (!entry.pathname.endsWith(".ts")) return new Worker(entry);
  const here = import.meta.url;
  const tsxApi = new URL("dist/esm/api/index.mjs", pathToFileURL(createRequire(here).resolve("tsx/package.json"))).href;
  const code = `import(${JSON.stringify(tsxApi)}).then((tsx) => tsx.tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(here)}));`;
  return new Worker(code, { eval: true, execArgv: [] });
}
