import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { UndirectedGraph } from "graphology";
import type { CsrGraph } from "../graph/csr.js";

const PYTHON = "/usr/bin/python3";
const SCRIPT = path.resolve(import.meta.dirname, "python/peers.py");

/** Whether Debian's python3 has a module (python3-igraph, python3-networkx). */
export function hasPython(module: string): boolean {
  try {
    execFileSync(PYTHON, ["-c", `import ${module}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Runs a measure in igraph or NetworkX on the same graph, in a child process; their seconds. */
export function pythonPeer(graph: CsrGraph, measure: string, repeats: number, k?: number): number[] {
  const file = path.join(os.tmpdir(), `maillage-bench-${process.pid}-${graph.nodeCount}.txt`);
  if (!fs.existsSync(file)) {
    const lines = [String(graph.nodeCount)];
    for (let e = 0; e < graph.edgeCount; e += 1) lines.push(`${graph.edgeSource[e]} ${graph.edgeTarget[e]} ${graph.edgeWeight[e]}`);
    fs.writeFileSync(file, `${lines.join("\n")}\n`);
    process.once("exit", () => fs.rmSync(file, { force: true }));
  }
  const args = [SCRIPT, file, measure, String(repeats), ...(k ? [String(k)] : [])];
  const output = execFileSync(PYTHON, args, { encoding: "utf8", maxBuffer: 1 << 26 });
  return (JSON.parse(output) as { seconds: number[] }).seconds;
}

/** The same graph as graphology holds it, for graphology-metrics. */
export function toGraphology(graph: CsrGraph): UndirectedGraph {
  const g = new UndirectedGraph();
  for (let v = 0; v < graph.nodeCount; v += 1) g.addNode(v);
  for (let e = 0; e < graph.edgeCount; e += 1) g.addEdge(graph.edgeSource[e]!, graph.edgeTarget[e]!, { weight: graph.edgeWeight[e] });
  return g;
}
