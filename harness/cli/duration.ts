import { UsageError } from '../errors';

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/**
 * `45s`, `30m`, `2h`, `1d` → milliseconds. The unit is required: a bare `0`
 * or `2` could be meant as seconds or hours, and a sweep's threshold is not
 * something to guess.
 */
export function parseDuration(raw: string): number | undefined {
  const m = /^(\d+)(s|m|h|d)$/.exec(raw.trim());
  return m ? Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS] : undefined;
}

/** parseDuration for a command-line option: anything else is bad usage (exit 2). */
export function durationOption(flag: string, raw: string, options: { min?: number } = {}): number {
  const ms = parseDuration(raw);
  const bare = /^\d+$/.test(raw.trim());
  if (ms === undefined) {
    throw new UsageError(`${flag} ${raw} is not a duration${bare ? ' (a number needs its unit)' : ''}. Expected: a whole number with a unit, e.g. 0s, 30m, 2h or 1d.`);
  }
  if (options.min !== undefined && ms < options.min) throw new UsageError(`${flag} ${raw} is too short. Expected: at least ${options.min / 1000}s.`);
  return ms;
}
