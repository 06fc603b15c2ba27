import type { Citation } from '../../harness';
import { STS_ASSUME_ROLE_WITH_WEB_IDENTITY, STS_COMMON_ERRORS } from '../citations';
import {
  REPOST_CHAINING_LIMIT,
  FEDERATION_OVER_MAX_INFERRED,
  OVER_USER_MODEL_MAX,
  IAM_SAML_ASSERTIONS,
  SESSION_DURATION_SHORTENS,
  SMALLER_WINS_INFERRED,
  STS_ASSUME_ROLE,
  STS_ASSUME_ROLE_WITH_SAML,
  STS_GET_FEDERATION_TOKEN,
  STS_GET_SESSION_TOKEN,
} from './sources';
import {
  TOO_SHORT,
  durationTableRow,
  expectedText,
  lasts,
  overChain,
  overModel,
  refused,
  roleSessionRows,
  tooShort,
  type DurationRole,
  type DurationRow,
  type Operation,
} from '../duration-table';

export type { DurationRow } from '../duration-table';

/** GetFederationToken and GetSessionToken, called with an IAM user's long-term keys: 900–129600, default 43200. */
function userSessionRows(operation: 'GetFederationToken' | 'GetSessionToken', doc: Citation): DurationRow[] {
  return [
    { operation, requested: 899, outcome: refused(tooShort), citations: [doc, STS_COMMON_ERRORS, TOO_SHORT] },
    { operation, requested: 900, outcome: lasts(900), citations: [doc] },
    { operation, outcome: lasts(43200), citations: [doc] },
    { operation, requested: 129600, outcome: lasts(129600), citations: [doc] },
    {
      operation,
      requested: 129601,
      outcome: refused(overModel(129601, 129600)),
      citations: [doc, STS_COMMON_ERRORS, OVER_USER_MODEL_MAX, ...(operation === 'GetFederationToken' ? [FEDERATION_OVER_MAX_INFERRED] : [])],
    },
  ];
}

export const DURATION_ROWS: DurationRow[] = [
  ...roleSessionRows('AssumeRole', STS_ASSUME_ROLE),
  // Role chaining: a role session assuming a role gets one hour at most, whatever the role allows.
  { operation: 'AssumeRole', chained: true, role: 'max-43200', outcome: lasts(3600), citations: [STS_ASSUME_ROLE, REPOST_CHAINING_LIMIT] },
  { operation: 'AssumeRole', chained: true, role: 'max-43200', requested: 3600, outcome: lasts(3600), citations: [STS_ASSUME_ROLE, REPOST_CHAINING_LIMIT] },
  { operation: 'AssumeRole', chained: true, role: 'max-43200', requested: 3601, outcome: refused(overChain), citations: [STS_ASSUME_ROLE, REPOST_CHAINING_LIMIT] },
  ...roleSessionRows('AssumeRoleWithWebIdentity', STS_ASSUME_ROLE_WITH_WEB_IDENTITY),
  ...roleSessionRows('AssumeRoleWithSAML', STS_ASSUME_ROLE_WITH_SAML),
  // What the assertion says can only shorten the session: the smallest of DurationSeconds, SessionDuration and SessionNotOnOrAfter wins.
  { operation: 'AssumeRoleWithSAML', role: 'max-3600', saml: { sessionDuration: 1800 }, outcome: lasts(1800), citations: [STS_ASSUME_ROLE_WITH_SAML, IAM_SAML_ASSERTIONS, SESSION_DURATION_SHORTENS] },
  { operation: 'AssumeRoleWithSAML', role: 'max-7200', requested: 3600, saml: { sessionDuration: 1800 }, outcome: lasts(1800), citations: [STS_ASSUME_ROLE_WITH_SAML, SESSION_DURATION_SHORTENS, SMALLER_WINS_INFERRED] },
  { operation: 'AssumeRoleWithSAML', role: 'max-7200', requested: 900, saml: { sessionDuration: 7200 }, outcome: lasts(900), citations: [STS_ASSUME_ROLE_WITH_SAML, SESSION_DURATION_SHORTENS, SMALLER_WINS_INFERRED] },
  { operation: 'AssumeRoleWithSAML', role: 'max-7200', saml: { sessionDuration: 7200 }, outcome: lasts(3600), citations: [STS_ASSUME_ROLE_WITH_SAML, IAM_SAML_ASSERTIONS, SESSION_DURATION_SHORTENS] },
  { operation: 'AssumeRoleWithSAML', role: 'max-3600', saml: { sessionEndsInSeconds: 1200 }, outcome: lasts(1200), citations: [STS_ASSUME_ROLE_WITH_SAML] },
  ...userSessionRows('GetFederationToken', STS_GET_FEDERATION_TOKEN),
  ...userSessionRows('GetSessionToken', STS_GET_SESSION_TOKEN),
];

const OPERATION_SLUG: Record<Operation, string> = {
  AssumeRole: 'assume-role',
  AssumeRoleWithWebIdentity: 'web-identity',
  AssumeRoleWithSAML: 'saml',
  GetFederationToken: 'federation-token',
  GetSessionToken: 'session-token',
};

const ROLE_MAX: Record<DurationRole, number> = { 'max-3600': 3600, 'max-7200': 7200, 'max-43200': 43200 };

/** `assume-role-chained-max43200-3601`, `saml-max7200-3600-session-duration-1800`, `session-token-omitted`. */
export function rowSlug(row: DurationRow): string {
  return [
    OPERATION_SLUG[row.operation],
    row.chained ? 'chained' : undefined,
    row.role ? `max${ROLE_MAX[row.role]}` : undefined,
    row.requested ?? 'omitted',
    row.saml?.sessionDuration !== undefined ? `session-duration-${row.saml.sessionDuration}` : undefined,
    row.saml?.sessionEndsInSeconds !== undefined ? `session-ends-${row.saml.sessionEndsInSeconds}` : undefined,
  ]
    .filter((part) => part !== undefined)
    .join('-');
}

function samlLimits(row: DurationRow): string {
  const parts = [
    row.saml?.sessionDuration !== undefined ? `SessionDuration ${row.saml.sessionDuration}` : undefined,
    row.saml?.sessionEndsInSeconds !== undefined ? `SessionNotOnOrAfter in ${row.saml.sessionEndsInSeconds} s` : undefined,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : '—';
}


/** The row as the report's table shows it. */
export function tableRow(row: DurationRow): Record<string, string | number> {
  return durationTableRow({
    operation: row.operation,
    caller: row.operation === 'AssumeRoleWithWebIdentity' ? 'user-pool ID token' : row.operation === 'AssumeRoleWithSAML' ? 'SAML assertion' : row.chained ? 'role session (chaining)' : 'IAM user',
    roleMax: row.role ? ROLE_MAX[row.role] : undefined,
    requested: row.requested,
    samlLimits: row.operation === 'AssumeRoleWithSAML' ? samlLimits(row) : undefined,
    expected: expectedText(row),
  });
}

export function rowTitle(row: DurationRow): string {
  const t = tableRow(row);
  const limits = t['SAML limits'] !== '—' ? `, ${t['SAML limits']}` : '';
  const role = row.role ? ` into a role with MaxSessionDuration ${ROLE_MAX[row.role]}` : '';
  const asked = row.requested === undefined ? 'without DurationSeconds' : `with DurationSeconds ${row.requested}`;
  const outcome = 'lifetimeSeconds' in row.outcome ? `the credentials last ${row.outcome.lifetimeSeconds} s` : `refused with ${t.expected}`;
  return `${row.operation} by ${t.caller}${role}, ${asked}${limits}: ${outcome}`;
}
