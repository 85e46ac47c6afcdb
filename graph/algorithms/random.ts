/**
 * graph/random: a small seeded pseudo-random generator for the randomised algorithms, so a seed
 * given by the caller reproduces a result exactly (Math.random cannot be seeded).
 *
 * mulberry32, by Tommy Ettinger (public domain, 2017): a 32-bit state advanced by a Weyl
 * sequence and mixed by two multiply-xorshift rounds. Period 2^32, passes gjrand's and
 * PractRand's quick tests; plenty for choosing pivots or shuffling node orders, not for
 * cryptography.
 */

/** Returns a function yielding floats in [0, 1) with 32 bits of randomness, determined by `seed`. */
export function mulberry32(seed: number): () => number {
  if (!Number.isFinite(seed)) throw new Error(`graph/random: seed must be a finite number, got ${seed}`);
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
