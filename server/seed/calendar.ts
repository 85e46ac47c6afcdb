import { day, type Random } from "./random.js";

/** The demo history runs from 2019 to a fixed horizon, not to "today", so reseeding is reproducible. */
export const HISTORY_START = day(2019, 1, 1);
export const HORIZON = day(2026, 11, 20);

/**
 * Cooperation grows over time (a dip in 2020) and speeds up once the programme starts in 2024;
 * 2026 is a partial year up to the horizon.
 */
const YEAR_WEIGHTS: [number, number][] = [
  [2019, 1],
  [2020, 0.8],
  [2021, 1.1],
  [2022, 1.4],
  [2023, 1.8],
  [2024, 2.8],
  [2025, 3.2],
  [2026, 2.8],
];

export function activityDate(rng: Random): Date {
  const year = rng.weighted(YEAR_WEIGHTS);
  const end = year === HORIZON.getUTCFullYear() ? HORIZON : day(year, 12, 31);
  return rng.dateBetween(day(year, 1, 1), end);
}

/** `count` activity dates in chronological order: the first ties made are the oldest. */
export function sortedActivityDates(rng: Random, count: number): Date[] {
  return Array.from({ length: count }, () => activityDate(rng)).sort((a, b) => a.getTime() - b.getTime());
}
