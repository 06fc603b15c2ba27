import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runContract } from '../harness';
import { suites } from '../suites';

// A case never passes or fails because of weather (issue 14): under the aws profile, seeds 1–5, every case of the
// contract passes, its steps compared to the reference goldens — the verdict a calm run gives every case (npm start,
// test/quick-start.test.ts: all pass), so no calm run is repeated here. Durations are shrunk with weatherScale 0.05
// to keep npm test fast (propagation at most 3 s instead of 60 s; each quota's refill period shrinks with it, so the
// run meets as much throttling per call as at scale 1). The bench runs at scale 1.
const work = mkdtempSync(join(tmpdir(), 'idchain-weather-seeds-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

test('seeds 1–5 of the aws weather: every case of the contract passes against the reference goldens, as in calm', async () => {
  const contract = suites.flatMap((s) => s.cases.map((c) => `${c.id} pass`)).sort();
  expect(contract.length).toBeGreaterThan(200);
  const runs = await Promise.all([1, 2, 3, 4, 5].map((seed) => runContract({ weather: 'aws', seed, weatherScale: 0.05, ledgerDir: join(work, `seed-${seed}`) })));
  for (const [i, run] of runs.entries()) {
    expect({ seed: i + 1, verdicts: run.cases.map((c) => `${c.id} ${c.verdict}`).sort() }).toEqual({ seed: i + 1, verdicts: contract });
    expect(run.baseline).toMatchObject({ name: 'reference', missing: [] });
    expect(run.weather).toMatchObject({ profile: 'aws', seed: i + 1, scale: 0.05 });
    expect(run.leftovers).toEqual([]);
  }
  // Different seeds are different weather: latencies, faults and propagation delays differ, so the runs' counts do.
  expect(new Set(runs.map((r) => JSON.stringify([r.weather!.calls, r.weather!.retries, r.weather!.throttled, r.weather!.transientFaults]))).size).toBeGreaterThan(1);
});
