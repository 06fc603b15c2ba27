/**
 * The report table every STS DurationSeconds row joins, whichever suite it
 * belongs to: sts-duration-bounds has a row per operation and bound, and
 * basic-flow's identity-pool rows sit beside them.
 */
export const DURATION_FAMILY = 'STS DurationSeconds bounds';

export interface DurationTableCells {
  operation: string;
  caller: string;
  roleMax?: number;
  requested?: number;
  samlLimits?: string;
  expected: string;
}

/** A refusal as the table names it: which bound the message says was crossed. */
export function refusalText(name: string | undefined, message: unknown): string {
  const text = String(message ?? '');
  if (text.includes('role chaining')) return `${name} (1 h role-chaining limit)`;
  if (text.includes('MaxSessionDuration')) return `${name} (over the role maximum)`;
  if (text.includes('greater than or equal')) return `${name} (below 900)`;
  if (text.includes('less than or equal')) return `${name} (over the model maximum)`;
  return name ?? 'refused';
}

/** The columns, in the order the table shows them. */
export function durationTableRow(c: DurationTableCells): Record<string, string | number> {
  return {
    operation: c.operation,
    caller: c.caller,
    'role MaxSessionDuration': c.roleMax ?? '—',
    DurationSeconds: c.requested ?? 'omitted',
    'SAML limits': c.samlLimits ?? '—',
    expected: c.expected,
  };
}
