import { UsageError } from '../../errors';

/** `--max-golden-age 30` or `30d` → days. */
export function parseMaxAge(raw: string | undefined, fallbackDays: number): number {
  if (raw === undefined) return fallbackDays;
  const m = /^(\d+)d?$/.exec(raw.trim());
  if (!m) throw new UsageError(`--max-golden-age ${raw} is not a number of days. Expected: e.g. 30 or 30d.`);
  return Number(m[1]);
}
