// Helpers for the weather tests: profiles built from the calm one with one
// part changed, a clock-advancing sleep, and the error an operation answers.
// Not a test file itself.
import { ManualClock } from '../clock';
import { AwsServiceError } from '../errors';
import type { WeatherProfile } from './profile';

const TEST = { source: 'test profile', kind: 'est' as const };

/** The calm profile with the given parts replaced. */
export function testProfile(parts: Partial<WeatherProfile> = {}): WeatherProfile {
  return {
    name: 'test',
    description: 'a profile written by a test',
    latency: { default: { medianMs: 0, p99Ms: 0, ...TEST }, byOperation: {} },
    propagation: { medianMs: 0, p99Ms: 0, maxMs: 0, ...TEST },
    quotas: [],
    faults: { rate: 0, slowRate: 0, slowFactor: 1, ...TEST },
    ...parts,
  };
}

/** Every IAM change reaches the data plane exactly `ms` later (median = p99 = max: no spread). */
export function fixedPropagation(ms: number): WeatherProfile['propagation'] {
  return { medianMs: ms, p99Ms: ms, maxMs: ms, ...TEST };
}

/** A latency distribution for every operation. */
export function everyCallTakes(medianMs: number, p99Ms = medianMs): WeatherProfile['latency'] {
  return { default: { medianMs, p99Ms, ...TEST }, byOperation: {} };
}

export { TEST as TEST_CITATION };

/** A sleep that waits no real time: it moves the clock on and records what it was asked. */
export function clockSleep(clock: ManualClock) {
  const waits: number[] = [];
  const sleep = async (ms: number) => {
    waits.push(ms);
    clock.advance(ms);
  };
  return { sleep, waits };
}

/** What an operation answered: its value, or the AWS error it was refused with. */
export async function outcome(run: () => Promise<unknown>): Promise<{ ok: unknown } | { code: string; status: number; message: string; fault: string }> {
  try {
    return { ok: await run() };
  } catch (err) {
    if (!(err instanceof AwsServiceError)) throw err;
    return { code: err.code, status: err.status, message: err.message, fault: err.fault };
  }
}
