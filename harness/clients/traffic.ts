import { AsyncLocalStorage } from 'node:async_hooks';
import { isThrottlingError, isTransientError } from '@smithy/core/retry';
import type { RateBudget } from './rate-budget';

/**
 * What became of one attempt of a call: `throttled` and `transient` are the
 * answers the SDK's standard retry strategy retries by itself (its own
 * classification, @smithy/core/retry: throttling names and 429; timeouts,
 * dropped connections and 500/502/503/504), `error` any other refusal.
 */
export type AttemptOutcome = 'ok' | 'throttled' | 'transient' | 'error';

export interface Attempt {
  /** Sent (after any wait for the rate budget), in ms of the run's clock. */
  start: number;
  end: number;
  outcome: AttemptOutcome;
  /** How long the attempt waited for the rate budget before it was sent. */
  waitedMs: number;
}

/** One SDK call as the caller saw it, with every attempt the SDK made of it. */
export interface CallRecord {
  /** The piece of work it belongs to (a fixture resource, a case, a teardown): see {@link withActivity}. */
  activity?: string;
  service: string;
  operation: string;
  /** The user pool it acts on, for quotas Cognito counts per pool. */
  pool?: string;
  start: number;
  end: number;
  attempts: Attempt[];
}

/** The run's clock: milliseconds, monotonic, shared by calls and the work they belong to. */
export const trafficNow = (): number => performance.now();

/**
 * Every call a run made, as it made it: the raw material of the weather
 * counters and of the critical path (report/critical-path.ts). Calls are kept
 * without their inputs or answers, so nothing secret is held here.
 */
export class CallLog {
  readonly calls: CallRecord[] = [];
  /** Calls the harness repeated itself because IAM had not propagated (clients/propagation-retry.ts). */
  propagationRetries = 0;
}

interface Activity {
  name: string;
  log?: CallLog;
}

const activity = new AsyncLocalStorage<Activity>();

/** Run `fn` as the named piece of work: every call it makes is filed under `name`. */
export function withActivity<T>(name: string, fn: () => Promise<T>, log?: CallLog): Promise<T> {
  return activity.run({ name, log: log ?? activity.getStore()?.log }, fn);
}

/** Count one propagation retry against the work running now (a no-op outside any). */
export function notePropagationRetry(): void {
  const log = activity.getStore()?.log;
  if (log) log.propagationRetries++;
}

export function outcomeOf(err: unknown): AttemptOutcome {
  if (err === undefined) return 'ok';
  const e = err as Error;
  if (isThrottlingError(e as never)) return 'throttled';
  const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode ?? 0;
  if (isTransientError(e as never) || status >= 500) return 'transient';
  return 'error';
}

/** The SDK client class names, as the call's context gives them, and the service each speaks to. */
export const CLIENT_SERVICES: Record<string, string> = {
  CognitoIdentityProviderClient: 'cognito-idp',
  CognitoIdentityClient: 'cognito-identity',
  STSClient: 'sts',
  IAMClient: 'iam',
  S3Client: 's3',
};

/** What the clients of a run share: the rate budget calls wait for, the log they are written to. */
export interface Traffic {
  budget?: RateBudget;
  log?: CallLog;
}

interface TrafficContext {
  clientName?: string;
  commandName?: string;
  idchainCall?: CallRecord;
}

type Next = (args: any) => Promise<any>;

function poolOf(input: unknown): string | undefined {
  const id = (input as { UserPoolId?: unknown } | undefined)?.UserPoolId;
  return typeof id === 'string' ? id : undefined;
}

/** Outermost: one record per call, whatever the SDK retries inside it. */
export const callMiddlewareOptions = { step: 'initialize' as const, name: 'idchainTrafficCall', priority: 'high' as const, override: true };

/**
 * Innermost of the request's finalizing, after the SDK's retry middleware:
 * so it runs once per attempt — each attempt, retries too, waits for the
 * rate budget, and what each attempt got back is counted.
 */
export const attemptMiddlewareOptions = { step: 'finalizeRequest' as const, name: 'idchainTrafficAttempt', priority: 'low' as const, override: true };

export function trafficMiddlewares(traffic: Traffic, signal?: AbortSignal) {
  const call = (next: Next, context: TrafficContext) => async (args: { input: unknown }) => {
    if (!traffic.log) return next(args);
    const record: CallRecord = {
      activity: activity.getStore()?.name,
      service: CLIENT_SERVICES[context.clientName ?? ''] ?? context.clientName ?? 'unknown',
      operation: (context.commandName ?? 'Unknown').replace(/Command$/, ''),
      pool: poolOf(args.input),
      start: trafficNow(),
      end: 0,
      attempts: [],
    };
    context.idchainCall = record;
    try {
      return await next(args);
    } finally {
      record.end = trafficNow();
      traffic.log.calls.push(record);
    }
  };
  const attempt = (next: Next, context: TrafficContext) => async (args: { input: unknown }) => {
    const service = CLIENT_SERVICES[context.clientName ?? ''] ?? '';
    const operation = (context.commandName ?? '').replace(/Command$/, '');
    const waitedMs = traffic.budget ? await traffic.budget.take({ service, operation, input: args.input }, signal) : 0;
    const start = trafficNow();
    try {
      const result = await next(args);
      context.idchainCall?.attempts.push({ start, end: trafficNow(), outcome: 'ok', waitedMs });
      return result;
    } catch (err) {
      context.idchainCall?.attempts.push({ start, end: trafficNow(), outcome: outcomeOf(err), waitedMs });
      throw err;
    }
  };
  return { call, attempt };
}
