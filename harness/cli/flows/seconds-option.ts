import { UsageError } from '../../errors';

/**
 * A whole number of seconds from a flag, or undefined when the flag was not
 * given. The range is left to the target: seeing what it answers to 899 or
 * 43201 is what the flow is for.
 */
export function secondsOption(raw: string | undefined, flag: string): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw new UsageError(`${flag} ${raw}: expected a whole number of seconds, e.g. 3600.`);
  return Number(raw);
}
