/** How many bits are set: the size of a small set held as a bit mask (tie kinds, levers). */
export function popcount(bits: number): number {
  let count = 0;
  for (let rest = bits; rest; rest &= rest - 1) count += 1;
  return count;
}
