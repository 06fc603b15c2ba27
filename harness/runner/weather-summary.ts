import type { Timeline } from '../clients/timeline';
import type { CallLog } from '../clients/traffic';
import type { TargetWeather } from '../targets/weather';
import { criticalPath, type CriticalPath } from './critical-path';

/** What the run met of the weather, counted from its own calls (report.json `weather`). */
export interface WeatherSummary {
  profile: string;
  /** The emulator's seed; null on AWS, whose weather is its own. */
  seed: number | null;
  scale: number;
  /** Requests sent, every retry included. */
  calls: number;
  /** Requests the SDK sent again (throttled, transient faults) plus calls the harness repeated while IAM propagated. */
  retries: number;
  /** Requests answered with throttling (TooManyRequestsException, Throttling). */
  throttled: number;
  /** Requests answered with a transient fault (5xx, a timeout, a dropped connection). */
  transientFaults: number;
  /** The longest any suite's cases were held, once its fixture was ready, for its IAM changes to propagate. */
  propagationWaitMs: number;
  /** Requests sent to each service. */
  callsPerService: Record<string, number>;
  /** Which operations were throttled, `<service>:<Operation>` → requests: where the limiters ran closest to a quota. */
  throttledOperations: Record<string, number>;
  /** Requests the harness's own limiters held back to stay under a quota, and for how long in all: the quotas felt without a throttle. */
  rateLimited: { requests: number; waitedMs: number };
}

export function weatherOfRun(weather: TargetWeather, log: CallLog, timeline: Timeline): { weather: WeatherSummary; criticalPath: CriticalPath } {
  const attempts = log.calls.flatMap((c) => c.attempts.map((a) => ({ ...a, service: c.service, operation: c.operation })));
  const callsPerService: Record<string, number> = {};
  const throttledOperations: Record<string, number> = {};
  for (const a of attempts) {
    callsPerService[a.service] = (callsPerService[a.service] ?? 0) + 1;
    if (a.outcome === 'throttled') throttledOperations[`${a.service}:${a.operation}`] = (throttledOperations[`${a.service}:${a.operation}`] ?? 0) + 1;
  }
  const settles = [...timeline.items.values()].filter((i) => i.kind === 'settle' && Number.isFinite(i.end));
  return {
    weather: {
      profile: weather.profile,
      seed: weather.seed ?? null,
      scale: weather.scale,
      calls: attempts.length,
      retries: attempts.length - log.calls.length + log.propagationRetries,
      throttled: attempts.filter((a) => a.outcome === 'throttled').length,
      transientFaults: attempts.filter((a) => a.outcome === 'transient').length,
      propagationWaitMs: Math.round(Math.max(0, ...settles.map((s) => s.end - s.start))),
      callsPerService,
      throttledOperations,
      rateLimited: { requests: attempts.filter((a) => a.waitedMs > 0).length, waitedMs: Math.round(attempts.reduce((sum, a) => sum + a.waitedMs, 0)) },
    },
    criticalPath: criticalPath(timeline.items.values(), log.calls, weather.quotas),
  };
}
