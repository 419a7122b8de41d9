// A seeded generator for the data the tests write (mulberry32: 32-bit state, period 2³²), so a
// test's files are the same on every run.

/** A function returning uniform numbers in [0, 1) from `seed`. */
export function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
