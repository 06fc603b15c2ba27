// The weather profile's format as a zod schema. Loaded only to check a
// profile that did not ship with the emulator (a file, an object): zod takes
// longer to load than the rest of the emulator's start, and a calm start
// needs none of it. The types are in profile.ts.
import { z } from 'zod';
import { WEATHER_SERVICES } from './services';

/**
 * Where a number comes from: `doc` AWS documentation says it, `obs` seen in
 * real AWS output (a public issue or transcript), `est` an estimate whose
 * reasoning `source` gives.
 */
export const kind = z.enum(['doc', 'obs', 'est']);
const source = z.string().min(1, 'cite where the number comes from (an AWS page, a public issue, or the reasoning of an estimate)');
const ms = z.number().finite().nonnegative();

/** The operation pattern of a latency key or a quota: `CreateRole`, `Get*` or `*`. */
const OPERATION_PATTERN = /^(\*|[A-Z][A-Za-z0-9]*\*?)$/;
const operationPattern = z.string().regex(OPERATION_PATTERN, 'expected an operation name (CreateRole), a prefix ending in * (Get*), or *');

/** `p99Ms` of a lognormal cannot be below its median; a median of 0 means no delay at all. */
function checkSpread(value: { medianMs: number; p99Ms: number }, ctx: z.RefinementCtx): void {
  if (value.p99Ms < value.medianMs) ctx.addIssue({ code: 'custom', path: ['p99Ms'], message: `p99Ms ${value.p99Ms} is below medianMs ${value.medianMs}; expected p99Ms ≥ medianMs` });
  if (value.medianMs === 0 && value.p99Ms > 0) ctx.addIssue({ code: 'custom', path: ['medianMs'], message: 'medianMs 0 means no delay, so p99Ms must be 0 too' });
}

const latency = z.strictObject({ medianMs: ms, p99Ms: ms, source, kind }).superRefine(checkSpread);

const LATENCY_KEY = new RegExp(`^(${WEATHER_SERVICES.join('|')}):(\\*|[A-Z][A-Za-z0-9]*\\*?)$`);

const delay = z
  .strictObject({ medianMs: ms, p99Ms: ms, maxMs: ms, source, kind })
  .superRefine(checkSpread)
  .superRefine((value, ctx) => {
    if (value.maxMs < value.p99Ms) ctx.addIssue({ code: 'custom', path: ['maxMs'], message: `maxMs ${value.maxMs} is below p99Ms ${value.p99Ms}; expected maxMs ≥ p99Ms` });
  });

const quota = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9:._-]+$/, 'expected letters, digits and : . _ -'),
    service: z.enum(WEATHER_SERVICES),
    operations: z.array(operationPattern).min(1),
    ratePerSecond: z.number().finite().positive(),
    burst: z.number().finite().min(1),
    /** Cognito user pools: each operation of the quota also at most this many per second per user pool. */
    perPool: z.number().finite().positive().optional(),
    source,
    kind,
  })
  .superRefine((value, ctx) => {
    if (value.perPool !== undefined && value.service !== 'cognito-idp') {
      ctx.addIssue({ code: 'custom', path: ['perPool'], message: `perPool is a Cognito user-pool quota; expected it only on cognito-idp quotas, not ${value.service}` });
    }
  });

/**
 * A weather profile: how AWS's latency, eventual consistency, throttling and
 * transient faults look, each number with its `source` and `kind`. The
 * harness reads `quotas` to size its client-side rate limiters.
 */
export const weatherProfileSchema = z
  .strictObject({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected lower-case letters, digits and -'),
    description: z.string().min(1),
    /** Free text for readers of the file: what is modelled, what is left out. */
    notes: z.array(z.string()).optional(),
    latency: z.strictObject({
      default: latency,
      byOperation: z.record(z.string(), latency).superRefine((byOperation, ctx) => {
        for (const key of Object.keys(byOperation)) {
          if (!LATENCY_KEY.test(key)) {
            ctx.addIssue({ code: 'custom', path: [key], message: `expected a key <service>:<Operation>, <service>:<Prefix>* or <service>:*, with service one of ${WEATHER_SERVICES.join(', ')}` });
          }
        }
      }),
    }),
    propagation: z
      .strictObject({
        medianMs: ms,
        p99Ms: ms,
        maxMs: ms,
        /** Changes become visible in the order IAM made them (one replication stream). Default true. */
        ordered: z.boolean().optional(),
        source,
        kind,
        /** New access keys. The emulator has no CreateAccessKey yet, so this is documentation only. */
        accessKeys: delay.optional(),
      })
      .superRefine(checkSpread)
      .superRefine((value, ctx) => {
        if (value.maxMs < value.p99Ms) ctx.addIssue({ code: 'custom', path: ['maxMs'], message: `maxMs ${value.maxMs} is below p99Ms ${value.p99Ms}; expected maxMs ≥ p99Ms` });
      }),
    quotas: z.array(quota).superRefine((quotas, ctx) => {
      const seen = new Set<string>();
      quotas.forEach((q, i) => {
        if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `quota id ${q.id} appears twice; expected each id once` });
        seen.add(q.id);
      });
    }),
    faults: z.strictObject({
      /** Share of calls answered with the service's transient 5xx instead of running. */
      rate: z.number().min(0).max(1),
      /** Share of calls answered slowly: latency × slowFactor. */
      slowRate: z.number().min(0).max(1),
      slowFactor: z.number().finite().min(1),
      source,
      kind,
    }),
  });
