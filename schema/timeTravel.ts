import type { GraphEngine } from "../graph/engines/graphEngine.js";
import type { SnapshotOptions } from "../graph/snapshot.js";
import { asOfSchema, isoDay, timeTravelOptions } from "../graph/asOf.js";
import { InvalidInputError } from "../record/errors.js";

/**
 * The `asOf` argument every analytics field takes, checked the same way everywhere: a day from
 * 1900 to today, else an `input/invalid` error naming the argument.
 */
export const asOfArg = {
  type: "Date",
  description:
    "The network as of this day, 1900-01-01 to today: the alliances and interactions of the record by then (docs/history.md). Left out: the current network.",
} as const;

/** The day, checked; throws InvalidInputError for a day out of range. */
export function checkAsOf(asOf: Date | null | undefined, path: string[] = ["asOf"]): Date | undefined {
  if (asOf == null) return undefined;
  const parsed = asOfSchema.safeParse(asOf);
  if (!parsed.success) throw new InvalidInputError(parsed.error.issues[0]?.message ?? "asOf is out of range", path);
  return asOf;
}

/** The snapshot options for an `asOf` argument: checked, then as graph/asOf.ts reads it. */
export function asOfOptions(graph: GraphEngine, asOf: Date | null | undefined): Promise<SnapshotOptions> {
  return timeTravelOptions(graph, checkAsOf(asOf));
}

/**
 * DataLoader keys for fields taking `asOf`: the day (empty for none), then the field's own key.
 * A batch is split by day, so each day's analytics are computed (or read from the cache) once
 * and the days never mix.
 */
export function dayKey(asOf: Date | null | undefined, key: string | number): string {
  const day = checkAsOf(asOf);
  return `${day ? isoDay(day) : ""}#${key}`;
}

export async function loadByDay<T>(
  keys: readonly string[],
  graph: GraphEngine,
  load: (keys: string[], options: SnapshotOptions) => Promise<T[]>,
): Promise<T[]> {
  const byDay = new Map<string, number[]>();
  keys.forEach((key, k) => {
    const day = key.slice(0, key.indexOf("#"));
    byDay.set(day, [...(byDay.get(day) ?? []), k]);
  });
  const results = new Array<T>(keys.length);
  await Promise.all(
    [...byDay].map(async ([day, positions]) => {
      const options = await timeTravelOptions(graph, day ? new Date(day) : undefined);
      const values = await load(
        positions.map((k) => keys[k]!.slice(keys[k]!.indexOf("#") + 1)),
        options,
      );
      positions.forEach((k, j) => {
        results[k] = values[j]!;
      });
    }),
  );
  return results;
}
