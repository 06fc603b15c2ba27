import type { Citation, ExpectedError } from '../harness';
import { IAM_CREATE_ROLE, STS_COMMON_ERRORS, observed, observedAt } from './citations';

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

/** The [obs] messages of the bounds every role-session operation shares. */
export const TOO_SHORT = observed(
  `ValidationError "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900"`,
);
export const OVER_ROLE_MAX = observed('ValidationError "The requested DurationSeconds exceeds the MaxSessionDuration set for this role."');
export const OVER_ROLE_MODEL_MAX = observedAt(
  `ValidationError "1 validation error detected: Value '345600' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200" (Service: AWSSecurityTokenService; Status Code: 400; Error Code: ValidationError), for AssumeRole`,
  'Apache Hadoop S3A "Working with IAM Assumed Roles", troubleshooting (AWS SDK output)',
  'https://hadoop.apache.org/docs/stable/hadoop-aws/tools/hadoop-aws/assumed_roles.html',
);

export type Operation = 'AssumeRole' | 'AssumeRoleWithWebIdentity' | 'AssumeRoleWithSAML' | 'GetFederationToken' | 'GetSessionToken';
export type DurationRole = 'max-3600' | 'max-7200' | 'max-43200';

/** One row of the STS DurationSeconds table (aws-contract.md §3). */
export interface DurationRow {
  operation: Operation;
  /** AssumeRole only: the caller is the `backend` role's session, so this is role chaining. */
  chained?: boolean;
  /** The role assumed; its name says its MaxSessionDuration. Absent for the user-session operations. */
  role?: DurationRole;
  /** Omitted: the request carries no DurationSeconds. */
  requested?: number;
  /** AssumeRoleWithSAML only: what the assertion itself says about the session's length. */
  saml?: { sessionDuration?: number; sessionEndsInSeconds?: number };
  outcome: { lifetimeSeconds: number } | { refused: ExpectedError };
  citations: Citation[];
}

const constraint = (value: number, bound: string) =>
  `1 validation error detected: Value '${value}' at 'durationSeconds' failed to satisfy constraint: Member must have value ${bound}`;
export const tooShort: ExpectedError = { name: 'ValidationError', httpStatus: 400, message: constraint(899, 'greater than or equal to 900') };
export const overModel = (value: number, max: number): ExpectedError => ({ name: 'ValidationError', httpStatus: 400, message: constraint(value, `less than or equal to ${max}`) });
const overRole: ExpectedError = { name: 'ValidationError', httpStatus: 400, message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.' };
export const overChain: ExpectedError = {
  name: 'ValidationError',
  httpStatus: 400,
  message: 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
};

export const lasts = (lifetimeSeconds: number) => ({ lifetimeSeconds });
export const refused = (error: ExpectedError) => ({ refused: error });

/** The bounds every role-session operation shares: 900 minimum, the role's maximum, 3600 default, 43200 model maximum. */
export function roleSessionRows(operation: 'AssumeRole' | 'AssumeRoleWithWebIdentity' | 'AssumeRoleWithSAML', doc: Citation): DurationRow[] {
  return [
    { operation, role: 'max-3600', requested: 899, outcome: refused(tooShort), citations: [doc, STS_COMMON_ERRORS, TOO_SHORT] },
    { operation, role: 'max-3600', requested: 900, outcome: lasts(900), citations: [doc] },
    { operation, role: 'max-3600', outcome: lasts(3600), citations: [doc] },
    { operation, role: 'max-3600', requested: 3600, outcome: lasts(3600), citations: [doc, IAM_CREATE_ROLE] },
    { operation, role: 'max-3600', requested: 3601, outcome: refused(overRole), citations: [doc, IAM_CREATE_ROLE, OVER_ROLE_MAX] },
    { operation, role: 'max-7200', requested: 7200, outcome: lasts(7200), citations: [doc, IAM_CREATE_ROLE] },
    { operation, role: 'max-7200', requested: 7201, outcome: refused(overRole), citations: [doc, IAM_CREATE_ROLE, OVER_ROLE_MAX] },
    { operation, role: 'max-43200', requested: 43200, outcome: lasts(43200), citations: [doc, IAM_CREATE_ROLE] },
    { operation, role: 'max-43200', requested: 43201, outcome: refused(overModel(43201, 43200)), citations: [doc, STS_COMMON_ERRORS, OVER_ROLE_MODEL_MAX] },
  ];
}

/** What a row expects, as the table says it: `900 s`, `ValidationError (below 900)`. */
export function expectedText(row: DurationRow): string {
  if ('lifetimeSeconds' in row.outcome) return `${row.outcome.lifetimeSeconds} s`;
  return refusalText(row.outcome.refused.name, row.outcome.refused.message);
}
