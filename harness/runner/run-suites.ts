import pLimit from 'p-limit';
import { openSession } from '../provisioning/session';
import { propagationPolicyFor } from '../clients/propagation-retry';
import { RateBudget, limiterQuotas } from '../clients/rate-budget';
import { Timeline } from '../clients/timeline';
import { CallLog } from '../clients/traffic';
import { HARNESS_VERSION, sdkVersions } from '../version';
import type { CaseResult, RunResult } from './result';
import { runBatch, type Batch } from './run-batch';
import type { RunOptions } from './run-options';

export type { RunOptions } from './run-options';
import { weatherOfRun } from './weather-summary';


/**
 * Cases at once when the target has weather: each case mostly waits on its
 * calls' latency, and the rate budget, not this number, keeps every service
 * under its quotas.
 */
export const WEATHER_CONCURRENCY = 32;

/** Attempts the SDK makes of a throttled or faulted call in weather: enough that a seeded fault never reaches a case. */
export const WEATHER_MAX_ATTEMPTS = 8;

/**
 * Run suites against a started target, every suite at once (runner/run-batch.ts).
 * Targets that can reset their state (moto) run one suite at a time with a
 * reset between, so suites never see each other's leftovers. When the target
 * has weather (a weathered reference emulator, or AWS), every call waits for
 * the rate budget sized from its quotas, the SDK retries throttling and
 * transient faults itself, and the run's calls and work are logged for the
 * weather counters and the critical path it reports.
 */
export async function runSuites(options: RunOptions): Promise<RunResult> {
  const { target } = options;
  const started = Date.now();
  const weather = target.weather;
  const log = weather ? new CallLog() : undefined;
  const budget = weather && options.rateLimit !== false ? new RateBudget(limiterQuotas(weather.quotas)) : undefined;
  const retry = options.retry ?? (weather ? propagationPolicyFor(weather) : undefined);
  // The target is the caller's: the session leaves it running.
  const session = await openSession({
    target,
    runId: options.runId,
    ledgerDir: options.ledgerDir,
    retry,
    permissionsBoundary: options.permissionsBoundary,
    log: options.log,
    signal: options.signal,
    timeouts: options.timeouts,
    teardownTimeoutMs: options.teardownTimeoutMs,
    ...(weather ? { traffic: { budget, log }, maxAttempts: WEATHER_MAX_ATTEMPTS } : {}),
  });
  const results = new Map<string, CaseResult>();
  const timeline = new Timeline();
  const batch: Batch = {
    options: { ...options, retry },
    session,
    timeline,
    log,
    propagationBoundMs: weather?.propagationBoundMs,
    caseLimit: pLimit(options.concurrency ?? (weather ? WEATHER_CONCURRENCY : 4)),
    record: (r) => {
      results.set(r.id, r);
      options.onCase?.(r);
    },
    has: (id) => results.has(id),
    deleted: 0,
  };
  const leftovers: RunResult['leftovers'] = [];
  try {
    if (target.reset) {
      for (const suite of options.suites) {
        leftovers.push(...(await runBatch([suite], batch)));
        await target.reset();
      }
    } else {
      leftovers.push(...(await runBatch(options.suites, batch)));
    }
  } finally {
    await session.release();
  }

  const order = options.suites.flatMap((s) => s.cases.map((c) => c.id));
  return {
    target: target.name,
    provenance: {
      target: target.name,
      targetKind: target.kind,
      targetVersion: target.version,
      region: target.region,
      harnessVersion: HARNESS_VERSION,
      sdkVersions: sdkVersions(),
      node: process.version,
    },
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    cases: order.map((id) => results.get(id)!).filter(Boolean),
    leftovers,
    ...(weather && log ? weatherOfRun(weather, log, timeline) : {}),
  };
}
