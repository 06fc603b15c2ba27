import type { RateQuota } from '../clients/rate-budget';
import type { WorkItem } from '../clients/timeline';
import type { CallRecord } from '../clients/traffic';

/** One link of the longest chain: a piece of work and the time it needed of its own. */
export interface ChainLink {
  id: string;
  kind: WorkItem['kind'];
  ms: number;
}

/**
 * The run's lower bound under the same weather (report.json `criticalPathMs`):
 * the longer of the longest chain of work that had to happen in sequence and
 * the time the busiest quota needs for the calls made against it.
 */
export interface CriticalPath {
  ms: number;
  /** (a) The longest chain: a resource after what it names, a case after its fixture and the propagation wait, a fixture's teardown after its cases, each link its own time. */
  chainMs: number;
  chain: ChainLink[];
  /** (b) The busiest quota's calls beyond its burst, divided by its rate (a bucket that starts full lets its burst through at once). */
  rateMs: number;
  busiestQuota?: { id: string; calls: number; ratePerSecond: number; burst: number };
}

/**
 * Time a call spent on what a perfect harness would not: waiting for its own
 * rate budget, and throttled attempts with the SDK's backoff after them. What
 * is left is the weather's: latency, transient faults and their retries.
 */
export function avoidableMs(call: CallRecord): number {
  let ms = 0;
  call.attempts.forEach((a, i) => {
    ms += a.waitedMs;
    if (a.outcome !== 'throttled') return;
    const next = call.attempts[i + 1];
    ms += (next ? next.start - next.waitedMs : call.end) - a.start;
  });
  return ms;
}

/**
 * What a piece of work needed of its own time: its span, less what its calls
 * spent waiting for the rate budget or on throttling. A settle wait counts as
 * the propagation bound it waited out, from the changes it follows.
 */
export function ownMs(item: WorkItem, calls: readonly CallRecord[]): number {
  if (item.kind === 'settle') return item.waitedMs ?? 0;
  const span = item.end - item.start;
  return Math.max(0, span - calls.reduce((sum, c) => sum + avoidableMs(c), 0));
}

function matches(pattern: string, operation: string): boolean {
  return pattern.endsWith('*') ? operation.startsWith(pattern.slice(0, -1)) : pattern === operation;
}

/** (b): every attempt the service let through, counted against each quota it falls under (per pool where the quota says so). */
function rateBound(calls: readonly CallRecord[], quotas: readonly RateQuota[]): Pick<CriticalPath, 'rateMs' | 'busiestQuota'> {
  const counts = new Map<string, { id: string; calls: number; ratePerSecond: number; burst: number }>();
  const add = (key: string, id: string, ratePerSecond: number, burst: number) => {
    const found = counts.get(key) ?? { id, calls: 0, ratePerSecond, burst };
    found.calls++;
    counts.set(key, found);
  };
  for (const call of calls) {
    const mine = quotas.filter((q) => q.service === call.service && q.operations.some((p) => matches(p, call.operation)));
    for (const attempt of call.attempts) {
      if (attempt.outcome === 'throttled') continue;
      for (const q of mine) {
        add(q.id, q.id, q.ratePerSecond, q.burst);
        if (q.perPool !== undefined && call.pool) add(`${q.id}|${call.operation}|${call.pool}`, `${q.id} (${call.operation} per pool)`, q.perPool, Math.max(1, q.perPool));
      }
    }
  }
  let best: Pick<CriticalPath, 'rateMs' | 'busiestQuota'> = { rateMs: 0 };
  for (const c of counts.values()) {
    const ms = (Math.max(0, c.calls - c.burst) / c.ratePerSecond) * 1000;
    if (ms > best.rateMs || !best.busiestQuota) best = { rateMs: ms, busiestQuota: c };
  }
  return best;
}

/**
 * The critical path of a run, from its own record: the work it did
 * (clients/timeline.ts), the calls each piece made (clients/traffic.ts), and
 * the service quotas (the weather profile's, as they act at its scale).
 */
export function criticalPath(items: Iterable<WorkItem>, calls: readonly CallRecord[], quotas: readonly RateQuota[]): CriticalPath {
  const byId = new Map<string, WorkItem>();
  for (const item of items) if (Number.isFinite(item.end)) byId.set(item.id, item);
  const callsOf = new Map<string, CallRecord[]>();
  for (const call of calls) if (call.activity) callsOf.set(call.activity, [...(callsOf.get(call.activity) ?? []), call]);

  const finish = new Map<string, { ms: number; via?: string }>();
  const visit = (id: string): number => {
    const known = finish.get(id);
    if (known) return known.ms;
    const item = byId.get(id)!;
    finish.set(id, { ms: 0 }); // a circle (none is made) would end here instead of looping
    let before = 0;
    let via: string | undefined;
    for (const p of item.after) {
      if (!byId.has(p)) continue;
      const ms = visit(p);
      if (ms > before) [before, via] = [ms, p];
    }
    const ms = before + ownMs(item, callsOf.get(id) ?? []);
    finish.set(id, { ms, via });
    return ms;
  };
  let last: string | undefined;
  let chainMs = 0;
  for (const id of byId.keys()) {
    const ms = visit(id);
    if (ms > chainMs) [chainMs, last] = [ms, id];
  }
  const chain: ChainLink[] = [];
  for (let id = last; id; id = finish.get(id)?.via) {
    const item = byId.get(id)!;
    chain.unshift({ id, kind: item.kind, ms: ownMs(item, callsOf.get(id) ?? []) });
  }
  const rate = rateBound(calls, quotas);
  return { ms: Math.max(chainMs, rate.rateMs), chainMs, chain, ...rate };
}
