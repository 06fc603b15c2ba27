import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_GOLDEN_DIR } from '../golden/golden-store';
import type { SuiteDefinition } from '../runner/suite';
import { loadSuites } from './load-suites';
import { selectSuites } from './select-suites';
import { shardSuites, suiteWeight } from './shard-suites';

const all = loadSuites();
const names = (list: readonly SuiteDefinition[]) => list.map((s) => s.name);
const shares = (suites: readonly SuiteDefinition[], n: number) => Array.from({ length: n }, (_, k) => shardSuites(suites, `${k + 1}/${n}`, DEFAULT_GOLDEN_DIR));

describe('shardSuites on the contract suites', () => {
  it.each([1, 2, 3, 4, 5])('N=%i: the shards are disjoint and together hold every suite', (n) => {
    const ran = shares(all, n).flatMap((s) => names(s.suites));
    expect(new Set(ran).size).toBe(ran.length);
    expect([...ran].sort()).toEqual(names(all).sort());
  });

  it.each([1, 2, 3, 4, 5])('N=%i: the heaviest shard is within mean + (1 − 1/N) × the heaviest suite, and within 10%% of the mean today', (n) => {
    const records = shares(all, n).map((s) => s.shard!);
    const total = records[0].selection.weight;
    expect(records.reduce((sum, r) => sum + r.weight, 0)).toBe(total);
    const heaviestSuite = Math.max(...all.map((s) => suiteWeight(s, DEFAULT_GOLDEN_DIR)));
    const heaviestShard = Math.max(...records.map((r) => r.weight));
    expect(heaviestShard).toBeLessThanOrEqual(total / n + (1 - 1 / n) * heaviestSuite);
    // Measured on the 14 suites: 1.002, 1.036, 1.063, 1.051 × the mean for N=2..5. A new suite that
    // breaks this is heavy enough that the weights deserve a look, not a looser number.
    expect(heaviestShard).toBeLessThanOrEqual(1.1 * (total / n));
  });

  it('is the same on every call and whatever order the suites are discovered in', () => {
    const reversed = [...all].reverse();
    const rotated = [...all.slice(5), ...all.slice(0, 5)];
    for (const n of [2, 3, 5]) {
      const base = shares(all, n).map((s) => [...names(s.suites)].sort());
      expect(shares(all, n).map((s) => [...names(s.suites)].sort())).toEqual(base);
      expect(shares(reversed, n).map((s) => [...names(s.suites)].sort())).toEqual(base);
      expect(shares(rotated, n).map((s) => [...names(s.suites)].sort())).toEqual(base);
    }
  });

  it('applies after --suite: it shares out the selection, and records it', () => {
    // README § What it checks: user-pools has 14 cases, guest-access 6.
    const [first, second] = shares(selectSuites(all, 'guest-access,user-pools'), 2);
    expect([names(first.suites), names(second.suites)].sort()).toEqual([['guest-access'], ['user-pools']]);
    expect(first.shard!.selection).toMatchObject({ suites: ['user-pools', 'guest-access'], cases: 20 });
    expect(first.shard).toMatchObject({ index: 1, count: 2 });
    // A case-level selection keeps only those cases of the suite, and weighs only them.
    const one = shardSuites(selectSuites(all, 'enhanced/editor-gets-editor-role'), '1/1', DEFAULT_GOLDEN_DIR);
    expect(one.suites.map((s) => s.cases.length)).toEqual([1]);
    expect(one.shard!.weight).toBeLessThan(suiteWeight(all.find((s) => s.name === 'enhanced-flow')!, DEFAULT_GOLDEN_DIR));
  });

  it('without --shard the selection is left as it is, with no record', () => {
    expect(shardSuites(all, undefined, DEFAULT_GOLDEN_DIR)).toEqual({ suites: all });
  });
});

describe('suiteWeight: estimated SDK calls', () => {
  const dir = mkdtempSync(join(tmpdir(), 'idchain-shard-weight-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("counts 2 per fixture resource and each case's reference-golden steps, 3 for a case without a readable golden", () => {
    const c = (id: string) => ({ id, title: id, citations: [{ kind: 'doc' as const, ref: 'x' }], run: async () => {} });
    const suite: SuiteDefinition = { name: 'w', title: 'w', services: [], fixture: { userPools: { up: { clients: { web: { authFlows: ['USER_PASSWORD_AUTH'] } } } } }, cases: [c('w/five'), c('w/none'), c('w/broken')] };
    mkdirSync(join(dir, 'reference', 'w'), { recursive: true });
    writeFileSync(join(dir, 'reference', 'w', 'five.json'), JSON.stringify({ steps: [1, 2, 3, 4, 5] }));
    writeFileSync(join(dir, 'reference', 'w', 'broken.json'), '{ not json');
    // A user pool and its client: 2 resources × 2 calls; then 5 + 3 + 3.
    expect(suiteWeight(suite, dir)).toBe(4 + 5 + 3 + 3);
  });
});
