import type { CriticalPath } from '../runner/critical-path';
import type { WeatherSummary } from '../runner/weather-summary';
import { seconds } from './format';

/** report.json's weather fields: `weather` and `criticalPathMs` (DESIGN.md § CLI contract), and what the critical path is made of. */
export function weatherJson(run: { weather?: WeatherSummary; criticalPath?: CriticalPath }) {
  if (!run.weather || !run.criticalPath) return {};
  const cp = run.criticalPath;
  const ms = (n: number) => Math.round(n);
  return {
    weather: { ...run.weather, propagationWaitMs: ms(run.weather.propagationWaitMs) },
    criticalPathMs: ms(cp.ms),
    criticalPath: {
      chainMs: ms(cp.chainMs),
      rateMs: ms(cp.rateMs),
      ...(cp.busiestQuota ? { busiestQuota: { ...cp.busiestQuota, ratePerSecond: Math.round(cp.busiestQuota.ratePerSecond * 1000) / 1000 } } : {}),
      chain: cp.chain.map((l) => ({ ...l, ms: ms(l.ms) })),
    },
  };
}

type WeatherFields = ReturnType<typeof weatherJson>;

/** Wall time over the critical path: 1.0 would be a run as fast as its weather allows. */
export function wallRatio(durationMs: number, criticalPathMs: number): string {
  return criticalPathMs > 0 ? (durationMs / criticalPathMs).toFixed(2) : '—';
}

/** The weather lines of report.md (and, as text, of the console summary). */
export function weatherLines(report: { durationMs: number } & WeatherFields): string[] {
  const { weather: w, criticalPath: cp, criticalPathMs } = report;
  if (!w || !cp || criticalPathMs === undefined) return [];
  const services = Object.entries(w.callsPerService)
    .map(([s, n]) => `${s} ${n}`)
    .join(', ');
  const dominant = cp.chainMs >= cp.rateMs ? `the longest chain (${cp.chain.length} links: ${cp.chain.map((l) => `${l.id} ${seconds(l.ms)}`).join(' → ')})` : `quota ${cp.busiestQuota?.id}: ${cp.busiestQuota?.calls} calls at ${cp.busiestQuota?.ratePerSecond}/s`;
  return [
    `Weather **${w.profile}** (${w.seed !== null ? `seed ${w.seed}, ` : ''}scale ${w.scale}): wall ${seconds(report.durationMs)}, critical path ${seconds(criticalPathMs)}, ratio ${wallRatio(report.durationMs, criticalPathMs)}.`,
    `Critical path = the longer of the longest chain (${seconds(cp.chainMs)}) and the busiest quota's calls over its rate (${seconds(cp.rateMs)}${cp.busiestQuota ? `, ${cp.busiestQuota.id}` : ''}); here ${dominant}.`,
    `${w.calls} requests (${services}); ${w.retries} retries, ${w.throttled} throttled, ${w.transientFaults} transient faults; ${w.rateLimited.requests} held by the limiters to stay under their quotas; cases held ${seconds(w.propagationWaitMs)} at most for IAM to propagate.`,
  ];
}
