import { existsSync, readFileSync } from 'node:fs';
import { goldenPath } from '../golden/golden-store';
import { planFixture } from '../provisioning/plan';
import { assignShards, toShardSpec, type ShardRecord, type ShardSpec } from '../runner/shard';
import type { SuiteDefinition } from '../runner/suite';

/** SDK calls assumed for a case with no reference golden yet: the contract's median is 2–3. */
export const CALLS_PER_CASE_WITHOUT_GOLDEN = 3;
/** SDK calls per fixture resource: one to create it, one to delete it (a role's policy or a user's password add a few more). */
export const CALLS_PER_RESOURCE = 2;

/** The SDK calls a case's reference golden recorded, or undefined when it has none (or one that cannot be read). */
function recordedCalls(goldenDir: string, suite: string, caseId: string): number | undefined {
  const file = goldenPath(goldenDir, 'reference', suite, caseId);
  if (!existsSync(file)) return undefined;
  try {
    const steps = (JSON.parse(readFileSync(file, 'utf8')) as { steps?: unknown }).steps;
    return Array.isArray(steps) ? steps.length : undefined;
  } catch {
    // A broken golden is the run's to report (it refuses to compare with it); sharding just estimates.
    return undefined;
  }
}

/**
 * A suite's weight for sharding: the SDK calls it is expected to make — its
 * fixture's resources (created and deleted) plus, for each selected case,
 * the steps its `reference` golden recorded. Calls, not times: goldens keep
 * no durations (DESIGN.md § The golden file), a timing would differ from
 * machine to machine, and on AWS, where a nightly's time goes, each call
 * costs a round trip. The reference goldens are used whatever the target,
 * being in the repo and complete; the count is the same on any target that
 * answers the same way.
 */
export function suiteWeight(suite: SuiteDefinition, goldenDir: string): number {
  const fixture = planFixture(suite.fixture).length * CALLS_PER_RESOURCE;
  const cases = suite.cases.reduce((sum, c) => sum + (recordedCalls(goldenDir, suite.name, c.id) ?? CALLS_PER_CASE_WITHOUT_GOLDEN), 0);
  return fixture + cases;
}

/**
 * `--shard K/N` after `--suite`: the K-th share of the selected suites
 * (assignShards), with the record report.json keeps. Without a shard, the
 * selection as it is.
 */
export function shardSuites(
  selected: readonly SuiteDefinition[],
  shard: string | ShardSpec | undefined,
  goldenDir: string,
): { suites: SuiteDefinition[]; shard?: ShardRecord } {
  if (shard === undefined) return { suites: [...selected] };
  const spec = toShardSpec(shard);
  const weights = new Map(selected.map((s) => [s.name, suiteWeight(s, goldenDir)]));
  const shares = assignShards(
    selected.map((s) => ({ name: s.name, weight: weights.get(s.name)! })),
    spec.count,
  );
  const mine = new Set(shares[spec.index - 1]);
  const suites = selected.filter((s) => mine.has(s.name));
  const sum = (list: readonly SuiteDefinition[]) => list.reduce((n, s) => n + weights.get(s.name)!, 0);
  return {
    suites,
    shard: {
      ...spec,
      suites: suites.map((s) => s.name),
      weight: sum(suites),
      selection: { suites: selected.map((s) => s.name), cases: selected.reduce((n, s) => n + s.cases.length, 0), weight: sum(selected) },
    },
  };
}
