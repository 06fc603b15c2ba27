import { hash32, lognormalMs, mulberry32, seededStreams, standardNormal } from './random';

describe('seeded randomness', () => {
  test('mulberry32 repeats itself for a seed and differs between seeds', () => {
    const draw = (seed: number) => {
      const u = mulberry32(seed);
      return [u(), u(), u(), u()];
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    for (const x of draw(7)) expect(x >= 0 && x < 1).toBe(true);
  });

  test('streams: one per name, each seeded by the seed and its name, each keeping its place', () => {
    const a = seededStreams(7);
    const b = seededStreams(7);
    const firstOfA = a('call:iam:CreateRole')();
    // Draws on another stream in between do not move this one.
    b('call:sts:AssumeRole')();
    b('call:sts:AssumeRole')();
    expect(b('call:iam:CreateRole')()).toBe(firstOfA);
    expect(a('call:iam:CreateRole')()).toBe(b('call:iam:CreateRole')());
    expect(seededStreams(8)('call:iam:CreateRole')()).not.toBe(firstOfA);
    expect(hash32('7\u0000a')).not.toBe(hash32('7\u0000b'));
  });

  test('uniforms spread over [0, 1): a coarse histogram of 10 000 draws', () => {
    const u = mulberry32(1);
    const bins = new Array(10).fill(0);
    for (let i = 0; i < 10_000; i++) bins[Math.floor(u() * 10)]++;
    for (const n of bins) expect(n).toBeGreaterThan(850);
  });
});

describe('lognormal durations from a median and a 99th percentile', () => {
  test('z = 0 is the median, z = 2.326 (the 99th percentile of N(0,1)) is p99', () => {
    expect(lognormalMs(4000, 30000, 0)).toBe(4000);
    expect(lognormalMs(4000, 30000, 2.3263478740408408)).toBeCloseTo(30000, 6);
    expect(lognormalMs(120, 600, -2.3263478740408408)).toBeCloseTo(24, 6); // 120² / 600
  });

  test('a median of 0 is no delay, whatever the draw', () => {
    expect(lognormalMs(0, 0, 3)).toBe(0);
  });

  test('median = p99 has no spread', () => {
    expect(lognormalMs(10_000, 10_000, 1.7)).toBe(10_000);
  });

  test('drawn through Box–Muller, the sample median and p99 land near the profile numbers', () => {
    const u = mulberry32(42);
    const samples = Array.from({ length: 20_000 }, () => lognormalMs(4000, 30000, standardNormal(u(), u()))).sort((a, b) => a - b);
    expect(samples[10_000]).toBeGreaterThan(3700);
    expect(samples[10_000]).toBeLessThan(4300);
    expect(samples[19_800]).toBeGreaterThan(25000);
    expect(samples[19_800]).toBeLessThan(36000);
  });
});
