// @ts-check
// The one seeded PRNG of the project (the demo-database generator, the fuzz test's requests, the soak test's mix):
// plain JavaScript so that the Node scripts in scripts/ can import it as well as the TypeScript code.

/**
 * mulberry32: 32-bit state, uniform floats in [0, 1). The same seed always gives the same sequence.
 * @param {number} seed
 * @returns {() => number}
 */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
