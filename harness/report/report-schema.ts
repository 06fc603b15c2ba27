import { z } from 'zod';
import { citationSchema } from '../cases/citation-schema';

const count = z.number().int().min(0);

/** `shard`, which `run --shard K/N` adds and merge-reports relies on (runner/shard.ts ShardRecord). */
export const shardSchema = z
  .object({
    index: z.number().int().min(1),
    count: z.number().int().min(1),
    suites: z.array(z.string().min(1)),
    weight: count,
    selection: z.object({ suites: z.array(z.string().min(1)), cases: count, weight: count }).passthrough(),
  })
  .passthrough()
  .refine((s) => s.index <= s.count, { message: 'index must be from 1 to count' });

/**
 * report.json as DESIGN.md § CLI contract names it, checked before it is
 * written so other tools (merge-reports, dashboards) can rely on it. Keys it
 * does not name (weather, leftovers, baseline, …) pass through unchecked;
 * `shard`, when present, is checked.
 */
export const reportJsonSchema = z
  .object({
    target: z.string().min(1),
    provenance: z.object({ target: z.string().min(1), region: z.string().min(1) }).passthrough(),
    startedAt: z.string().min(1),
    durationMs: count,
    summary: z.object({ total: count, pass: count, fail: count, unsupported: count, error: count }).passthrough(),
    cases: z.array(
      z
        .object({
          id: z.string().min(1),
          suite: z.string().min(1),
          title: z.string(),
          verdict: z.enum(['pass', 'fail', 'unsupported', 'error']),
          durationMs: count,
          citations: z.array(citationSchema),
          findings: z.array(z.object({ path: z.string(), kind: z.string().min(1), expected: z.unknown(), actual: z.unknown(), source: z.string().optional() }).passthrough()),
        })
        .passthrough(),
    ),
    shard: shardSchema.optional(),
  })
  .passthrough();

/** The report, or an error naming the first field that breaks the contract (a harness bug: nothing malformed is written). */
export function checkReportJson<T>(report: T): T {
  const parsed = reportJsonSchema.safeParse(report);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`report.json would break its contract (DESIGN.md § CLI contract) at ${issue.path.join('.')}: ${issue.message}. This is a bug in idchain.`);
  }
  return report;
}
