/**
 * Seeded randomness for the weather. Every draw comes from a named stream
 * (`call:iam:CreateRole`, `propagation:role:admin`) seeded from the run's seed
 * and the stream's name, so the same seed and the same sequence of calls to
 * one operation give the same weather even when calls to other operations
 * interleave differently (the harness provisions in parallel).
 */

/** A source of uniform numbers in [0, 1): the seam tests replace. */
export type Uniform = () => number;

/** A family of independent streams, one per name. */
export type RandomStreams = (name: string) => Uniform;

/** z for the 99th percentile of the standard normal distribution. */
const Z99 = 2.3263478740408408;

/** cyrb53-style string hash folded to 32 bits: spreads similar names far apart. */
export function hash32(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 ^ h2) >>> 0;
}

/** mulberry32: a small, fast 32-bit PRNG, plenty for weather (not for secrets). */
export function mulberry32(seed: number): Uniform {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Streams seeded by `seed` and each stream's name; a stream keeps its position across calls. */
export function seededStreams(seed: number): RandomStreams {
  const streams = new Map<string, Uniform>();
  return (name) => {
    let stream = streams.get(name);
    if (!stream) {
      stream = mulberry32(hash32(`${seed}\u0000${name}`));
      streams.set(name, stream);
    }
    return stream;
  };
}

/** A standard normal draw (Box–Muller), from two uniforms. */
export function standardNormal(u1: number, u2: number): number {
  const r = Math.sqrt(-2 * Math.log(Math.max(u1, Number.MIN_VALUE)));
  return r * Math.cos(2 * Math.PI * u2);
}

/**
 * A lognormal duration with this median and 99th percentile, for the standard
 * normal draw `z`: ln X ~ N(ln median, σ) with σ = ln(p99 / median) / z₀.₉₉.
 * A median of 0 is no delay at all.
 */
export function lognormalMs(medianMs: number, p99Ms: number, z: number): number {
  if (medianMs <= 0) return 0;
  const sigma = Math.log(p99Ms / medianMs) / Z99;
  return medianMs * Math.exp(sigma * z);
}
