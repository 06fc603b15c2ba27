/** One line of `idchain doctor`: what was checked, how it stands, and what to do when it is not ok. */
export interface DoctorCheck {
  check: string;
  status: 'ok' | 'warn' | 'fail';
  detail: string;
  /** What to do about a warn or fail. */
  fix?: string;
  /** A fail that means the target cannot be reached at all (exit 3 rather than 2). */
  unavailable?: boolean;
}

export const ok = (check: string, detail: string): DoctorCheck => ({ check, status: 'ok', detail });
export const warn = (check: string, detail: string, fix: string): DoctorCheck => ({ check, status: 'warn', detail, fix });
export const fail = (check: string, detail: string, fix: string, unavailable = false): DoctorCheck => ({ check, status: 'fail', detail, fix, ...(unavailable ? { unavailable } : {}) });

/** `ok   credentials   …` — the fix, when there is one, after an arrow on the same line. */
export function formatCheck(c: DoctorCheck): string {
  return `${c.status.padEnd(4)} ${c.check.padEnd(16)} ${c.detail}${c.fix ? ` → ${c.fix}` : ''}`;
}

/**
 * The exit code (DESIGN.md § CLI contract): 0 when a run can start (warnings
 * allowed), 3 when the target or its credentials cannot be reached, 2 for
 * any other failed check (configuration a person must fix).
 */
export function doctorExitCode(checks: readonly DoctorCheck[]): number {
  const failed = checks.filter((c) => c.status === 'fail');
  if (failed.length === 0) return 0;
  return failed.some((c) => c.unavailable) ? 3 : 2;
}
