import type { SizeSegment } from "../generated/prisma/enums.js";

/**
 * The study finds four segments of territories with radically different practices. It gives no
 * thresholds; these follow INSEE's urban-area bands applied to a territory's municipal population:
 * below 20,000 rural, below 50,000 small urban, below 200,000 medium urban, then metropolitan.
 * Régions and départements get a segment too, by the same bands, which puts nearly all of them
 * in METROPOLITAN: the segment is meant for EPCI, communes and project territories.
 */
export const SIZE_SEGMENT_THRESHOLDS: readonly { segment: SizeSegment; below: number }[] = [
  { segment: "RURAL", below: 20_000 },
  { segment: "SMALL_URBAN", below: 50_000 },
  { segment: "MEDIUM_URBAN", below: 200_000 },
  { segment: "METROPOLITAN", below: Number.POSITIVE_INFINITY },
];

export function sizeSegmentOf(population: number | null | undefined): SizeSegment | null {
  if (population == null || population < 0) return null;
  return SIZE_SEGMENT_THRESHOLDS.find((band) => population < band.below)!.segment;
}
