import type { CaseDefinition, Citation, ExpectedError } from '../../harness';
import { IAM_CREATE_ROLE, STS_ASSUME_ROLE_WITH_WEB_IDENTITY, STS_COMMON_ERRORS, observed, observedAt } from '../citations';
import { assumeRole, openIdTokenThrough } from './steps';
import { DURATION_FAMILY, durationTableRow, refusalText } from '../duration-table';

/**
 * One row of the DurationSeconds matrix of AssumeRoleWithWebIdentity: 900 s
 * minimum, the role's MaxSessionDuration maximum, 3600 s default, 43200 s
 * model maximum (aws-contract.md §3; STS-API AssumeRoleWithWebIdentity;
 * IAM-API CreateRole). Each row is one case, so the report names each bound.
 */
interface DurationRow {
  /** The case id's behaviour part, e.g. `duration-899-refused`. */
  slug: string;
  title: string;
  /** `app` keeps the default MaxSessionDuration (3600); `long` has 7200. */
  role: 'app' | 'long';
  /** Omitted: the request carries no DurationSeconds. */
  requested?: number;
  outcome: { lifetimeSeconds: number } | { refused: ExpectedError };
  citations: Citation[];
}

const TOO_SHORT_899 = observed(
  `ValidationError "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900"`,
);
const OVER_ROLE_MAX = observed('ValidationError "The requested DurationSeconds exceeds the MaxSessionDuration set for this role."');
const OVER_MODEL_MAX = observedAt(
  `ValidationError "1 validation error detected: Value '<n>' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200"`,
  'Apache Hadoop S3A assumed-roles troubleshooting (AWS SDK output)',
  'https://hadoop.apache.org/docs/stable/hadoop-aws/tools/hadoop-aws/assumed_roles.html',
);

export const DURATION_ROWS: DurationRow[] = [
  {
    slug: 'duration-899-refused',
    title: 'DurationSeconds 899 is refused with ValidationError: the minimum is 900',
    role: 'app',
    requested: 899,
    outcome: {
      refused: {
        name: 'ValidationError',
        httpStatus: 400,
        message: "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
      },
    },
    citations: [STS_ASSUME_ROLE_WITH_WEB_IDENTITY, STS_COMMON_ERRORS, TOO_SHORT_899],
  },
  {
    slug: 'duration-900-accepted',
    title: 'DurationSeconds 900, the minimum, is accepted and the credentials last 900 seconds',
    role: 'app',
    requested: 900,
    outcome: { lifetimeSeconds: 900 },
    citations: [STS_ASSUME_ROLE_WITH_WEB_IDENTITY],
  },
  {
    slug: 'duration-omitted-gives-3600',
    title: 'Without DurationSeconds the credentials last 3600 seconds, the default',
    role: 'app',
    outcome: { lifetimeSeconds: 3600 },
    citations: [STS_ASSUME_ROLE_WITH_WEB_IDENTITY],
  },
  {
    slug: 'duration-3600-accepted',
    title: 'DurationSeconds 3600 is accepted for a role whose MaxSessionDuration is 3600',
    role: 'app',
    requested: 3600,
    outcome: { lifetimeSeconds: 3600 },
    citations: [STS_ASSUME_ROLE_WITH_WEB_IDENTITY, IAM_CREATE_ROLE],
  },
  {
    slug: 'duration-3601-refused-max-3600',
    title: 'DurationSeconds 3601 is refused for a role whose MaxSessionDuration is 3600',
    role: 'app',
    requested: 3601,
    outcome: { refused: { name: 'ValidationError', httpStatus: 400, message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.' } },
    citations: [STS_ASSUME_ROLE_WITH_WEB_IDENTITY, IAM_CREATE_ROLE, STS_COMMON_ERRORS, OVER_ROLE_MAX],
  },
  {
    slug: 'duration-7200-accepted-max-7200',
    title: 'DurationSeconds 7200 is accepted for a role whose MaxSessionDuration is 7200',
    role: 'long',
    requested: 7200,
    outcome: { lifetimeSeconds: 7200 },
    citations: [STS_ASSUME_ROLE_WITH_WEB_IDENTITY, IAM_CREATE_ROLE],
  },
  {
    slug: 'duration-7201-refused-max-7200',
    title: 'DurationSeconds 7201 is refused for a role whose MaxSessionDuration is 7200',
    role: 'long',
    requested: 7201,
    outcome: { refused: { name: 'ValidationError', httpStatus: 400, message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.' } },
    citations: [STS_ASSUME_ROLE_WITH_WEB_IDENTITY, IAM_CREATE_ROLE, STS_COMMON_ERRORS, OVER_ROLE_MAX],
  },
  {
    slug: 'duration-43201-refused',
    title: 'DurationSeconds 43201 is refused with ValidationError: the model maximum is 43200',
    role: 'long',
    requested: 43201,
    outcome: {
      refused: {
        name: 'ValidationError',
        httpStatus: 400,
        message: "1 validation error detected: Value '43201' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200",
      },
    },
    citations: [STS_ASSUME_ROLE_WITH_WEB_IDENTITY, STS_COMMON_ERRORS, OVER_MODEL_MAX],
  },
];

const SOURCE = 'STS-API AssumeRoleWithWebIdentity DurationSeconds: 900 to the role MaxSessionDuration, default 3600';

/** The matrix as cases: one per row, `basic/<slug>`. */
export function durationCases(): CaseDefinition[] {
  return DURATION_ROWS.map(
    (row): CaseDefinition => ({
      id: `basic/${row.slug}`,
      title: row.title,
      citations: row.citations,
      table: {
        family: DURATION_FAMILY,
        row: durationTableRow({
          operation: 'AssumeRoleWithWebIdentity',
          caller: 'identity-pool OpenID token (basic flow)',
          roleMax: row.role === 'long' ? 7200 : 3600,
          requested: row.requested,
          expected: 'lifetimeSeconds' in row.outcome ? `${row.outcome.lifetimeSeconds} s` : refusalText(row.outcome.refused.name, row.outcome.refused.message),
        }),
      },
      async run(ctx) {
        const { token } = await openIdTokenThrough(ctx, 'basic');
        if ('refused' in row.outcome) {
          await ctx.expect.error('AssumeRoleWithWebIdentity', assumeRole(ctx, row.role, token, row.requested), row.outcome.refused, `${SOURCE}; messages [obs]`);
          return;
        }
        const sentAt = Date.now();
        const { credentials } = await ctx.expect.succeeds('AssumeRoleWithWebIdentity', assumeRole(ctx, row.role, token, row.requested), SOURCE);
        ctx.expect.lifetime('AssumeRoleWithWebIdentity.Credentials.lifetimeSeconds', credentials.expiration, sentAt, row.outcome.lifetimeSeconds, SOURCE);
      },
    }),
  );
}
