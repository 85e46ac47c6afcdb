import fs from "node:fs";
import path from "node:path";
import { csrFromTies, type CsrGraph } from "../../graph/csr.js";

/** A fixed graph of test/fixtures/graphs.json (written by test/fixtures/reference/graphs.py). */
export interface FixtureGraph {
  name: string;
  nodeCount: number;
  edges: [number, number, number][];
  profile: number[];
  territory: number[];
}

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures");

export const fixtureGraphs: FixtureGraph[] = JSON.parse(fs.readFileSync(path.join(FIXTURES, "graphs.json"), "utf8"));

export function csrOf(fixture: FixtureGraph, weighted = true): CsrGraph {
  return csrFromTies(
    fixture.nodeCount,
    fixture.edges.map(([source, target, weight]) => ({ source, target, weight: weighted ? weight : 1 })),
  );
}

/** Reference values computed by a script in test/fixtures/reference/, keyed by graph name. */
export function referenceValues<T>(file: string): Record<string, T> {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, "reference", file), "utf8"));
}

export const TOLERANCE = 1e-9;

/** Asserts two numeric arrays agree within an absolute tolerance, naming the first index that does not. */
export function closeArrays(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance = TOLERANCE): string | null {
  if (actual.length !== expected.length) return `length ${actual.length} instead of ${expected.length}`;
  for (let i = 0; i < actual.length; i += 1) {
    const a = actual[i]!;
    const e = expected[i]!;
    const bothNaN = Number.isNaN(a) && Number.isNaN(e);
    if (!bothNaN && !(Math.abs(a - e) <= tolerance * Math.max(1, Math.abs(e)))) return `index ${i}: ${a} instead of ${e}`;
  }
  return null;
}
