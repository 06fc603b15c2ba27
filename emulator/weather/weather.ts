import { AsyncLocalStorage } from 'node:async_hooks';
import { liveIamView, type IamView } from '../iam/iam-view';
import type { IamState } from '../iam/state';
import { throttleAnswer, transientAnswer } from './answers';
import { latencyFor } from './latency';
import { WEATHER_SERVICES, type WeatherProfile, type WeatherService } from './profile';
import { Propagation } from './propagation';
import { lognormalMs, seededStreams, standardNormal, type RandomStreams } from './random';
import { Throttle } from './throttle';

/** How long to wait, as a promise: the seam unit tests replace so they never wait real time. */
export type Sleep = (ms: number) => Promise<void>;

/**
 * Real waits that `cancel` ends at once, so a stopped emulator does not keep
 * the process alive until its last slow answer would have been sent.
 */
export function cancellableSleep(): { sleep: Sleep; cancel(): void } {
  const pending = new Map<NodeJS.Timeout, () => void>();
  return {
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(timer);
          resolve();
        }, ms);
        pending.set(timer, resolve);
      }),
    cancel() {
      for (const [timer, resolve] of pending) {
        clearTimeout(timer);
        resolve();
      }
      pending.clear();
    },
  };
}

export interface WeatherSettings {
  profile: WeatherProfile;
  /** Same seed, same sequence of calls → same weather. */
  seed: number;
  /** Multiplies every duration: latency, propagation delays, and the throttle refill period (throttle.ts). */
  scale: number;
  sleep?: Sleep;
  /** Replaces the seeded streams (random.ts), for tests that want to pick each draw. */
  random?: RandomStreams;
}

/** One AWS operation as weather sees it; `input` lets per-pool quotas find the UserPoolId. */
export interface WeatherCall {
  service: WeatherService;
  operation: string;
  input?: Record<string, unknown>;
}

export interface WeatherCounts {
  calls: number;
  throttled: number;
  transientFaults: number;
  slow: number;
}

/** Counters the harness reads (GET /_idchain/weather, StartedEmulator.weather.stats()). */
export interface WeatherStats extends WeatherCounts {
  profile: string;
  seed: number;
  scale: number;
  /** Calls that touched an IAM change not yet propagated and were answered with an error. */
  propagationDenials: number;
  /** IAM entities (roles, providers) whose latest change the data plane does not see yet. */
  propagationPending: number;
  byService: Record<WeatherService, WeatherCounts>;
}

export interface Weather {
  readonly profile: WeatherProfile;
  readonly seed: number;
  readonly scale: number;
  /** IAM as STS, Cognito identity, S3 and authorization see it (iam/iam-view.ts). */
  readonly iam: IamView;
  /**
   * Run one AWS operation in the weather. Throttling and transient faults are
   * decided before the operation runs, so a refused call never changed
   * anything (a retried create never makes two); the operation then runs, and
   * its answer, or the refusal, is given after the call's latency.
   */
  run<T>(call: WeatherCall, operation: () => T | Promise<T>): Promise<T>;
  stats(): WeatherStats;
  /** End every wait now (the emulator is stopping); later calls still run, without waiting. */
  dispose(): void;
}

export interface WeatherEnvironment {
  iam: IamState;
  /** The emulator's clock, in epoch milliseconds: propagation and token refill read it. */
  now: () => number;
}

const zero = (): WeatherCounts => ({ calls: 0, throttled: 0, transientFaults: 0, slow: 0 });

/** IAM operations that only read: they neither change state nor need recording. */
const IAM_READ = /^(Get|List)/;

export function createWeather(settings: WeatherSettings, env: WeatherEnvironment): Weather {
  const { profile, seed, scale } = settings;
  const real = settings.sleep ? undefined : cancellableSleep();
  let disposed = false;
  const sleep = settings.sleep ?? real!.sleep;
  const streams = settings.random ?? seededStreams(seed);
  const throttle = new Throttle(profile, scale);
  const totals = { ...zero(), propagationDenials: 0 };
  const byService = Object.fromEntries(WEATHER_SERVICES.map((s) => [s, zero()])) as Record<WeatherService, WeatherCounts>;
  const stale = new AsyncLocalStorage<{ stale: boolean }>();
  const spread = profile.propagation;
  const propagation =
    spread.maxMs > 0 && spread.medianMs > 0
      ? new Propagation({
          iam: env.iam,
          now: env.now,
          ordered: spread.ordered ?? true,
          noteStale: () => {
            const record = stale.getStore();
            if (record) record.stale = true;
          },
          delayMs: (entity) => {
            const u = streams(`propagation:${entity}`);
            return Math.min(spread.maxMs, lognormalMs(spread.medianMs, spread.p99Ms, standardNormal(u(), u()))) * scale;
          },
        })
      : undefined;

  const count = (service: WeatherService, key: keyof WeatherCounts) => {
    totals[key]++;
    byService[service][key]++;
  };

  async function run<T>(call: WeatherCall, operation: () => T | Promise<T>): Promise<T> {
    const { service } = call;
    count(service, 'calls');
    // A fixed number of draws per call keeps each operation's stream aligned whatever happens.
    const u = streams(`call:${service}:${call.operation}`);
    const [uFault, uKind, uSlow, z] = [u(), u(), u(), standardNormal(u(), u())];
    const spec = latencyFor(profile, service, call.operation);
    let waitMs = lognormalMs(spec.medianMs, spec.p99Ms, z) * scale;
    if (uSlow < profile.faults.slowRate) {
      waitMs *= profile.faults.slowFactor;
      count(service, 'slow');
    }
    const pause = () => (waitMs > 0 && !disposed ? sleep(waitMs) : undefined);

    if (throttle.admit(service, call.operation, call.input, env.now())) {
      count(service, 'throttled');
      await pause();
      throw throttleAnswer(service);
    }
    if (uFault < profile.faults.rate) {
      count(service, 'transientFaults');
      await pause();
      throw transientAnswer(service, uKind);
    }

    const writes = propagation !== undefined && service === 'iam' && !IAM_READ.test(call.operation);
    if (writes) propagation.beforeWrite();
    const record = { stale: false };
    let outcome: { value: T } | { error: unknown };
    try {
      outcome = { value: await (propagation ? stale.run(record, operation) : operation()) };
    } catch (error) {
      if (record.stale) totals.propagationDenials++;
      outcome = { error };
    } finally {
      if (writes) propagation.afterWrite();
    }
    await pause();
    if ('error' in outcome) throw outcome.error;
    return outcome.value;
  }

  return {
    profile,
    seed,
    scale,
    iam: propagation ?? liveIamView(env.iam),
    run,
    dispose() {
      disposed = true;
      real?.cancel();
    },
    stats: () => ({
      profile: profile.name,
      seed,
      scale,
      ...totals,
      propagationPending: propagation?.pending() ?? 0,
      byService: Object.fromEntries(WEATHER_SERVICES.map((s) => [s, { ...byService[s] }])) as Record<WeatherService, WeatherCounts>,
    }),
  };
}
