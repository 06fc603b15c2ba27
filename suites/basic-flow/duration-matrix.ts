import type { CaseDefinition } from '../../harness';
import { BASIC_FLOW_OVER_ONE_HOUR, STS_ASSUME_ROLE_WITH_WEB_IDENTITY, cite } from '../citations';
import { DURATION_FAMILY, durationTableRow, expectedText, roleSessionRows } from '../duration-table';
import { assumeRole, openIdTokenThrough } from './steps';

/**
 * The DurationSeconds bounds of AssumeRoleWithWebIdentity for an identity
 * pool's OpenID token: the rows of the shared duration table (900 s minimum,
 * the role's MaxSessionDuration maximum, 3600 s default, 43200 s model
 * maximum; aws-contract.md §3), run through the basic flow. Each row is one
 * case, with the id and title it has always had (its golden is named by
 * them), on the fixture role carrying the row's MaxSessionDuration: `app`
 * keeps the default 3600, `long` has 7200; the 43201 refusal comes before
 * any role check, so `long` serves it too. The rows above one hour rest on
 * the reading BASIC_FLOW_OVER_ONE_HOUR asserts (AWS's pages disagree whether a
 * Cognito OpenID token can get more than an hour): they cite it.
 */
const BASIC_ROWS: Record<string, { slug: string; title: string; role: 'app' | 'long'; overOneHour?: true }> = {
  899: { slug: 'duration-899-refused', title: 'DurationSeconds 899 is refused with ValidationError: the minimum is 900', role: 'app' },
  900: { slug: 'duration-900-accepted', title: 'DurationSeconds 900, the minimum, is accepted and the credentials last 900 seconds', role: 'app' },
  omitted: { slug: 'duration-omitted-gives-3600', title: 'Without DurationSeconds the credentials last 3600 seconds, the default', role: 'app' },
  3600: { slug: 'duration-3600-accepted', title: 'DurationSeconds 3600 is accepted for a role whose MaxSessionDuration is 3600', role: 'app' },
  3601: { slug: 'duration-3601-refused-max-3600', title: 'DurationSeconds 3601 is refused for a role whose MaxSessionDuration is 3600', role: 'app' },
  7200: { slug: 'duration-7200-accepted-max-7200', title: 'DurationSeconds 7200 is accepted for a role whose MaxSessionDuration is 7200', role: 'long', overOneHour: true },
  7201: { slug: 'duration-7201-refused-max-7200', title: 'DurationSeconds 7201 is refused for a role whose MaxSessionDuration is 7200', role: 'long', overOneHour: true },
  43201: { slug: 'duration-43201-refused', title: 'DurationSeconds 43201 is refused with ValidationError: the model maximum is 43200', role: 'long' },
};

const ROLE_MAX = { app: 3600, long: 7200 } as const;
const SOURCE = cite(STS_ASSUME_ROLE_WITH_WEB_IDENTITY, 'DurationSeconds: 900 to the role MaxSessionDuration, default 3600');

/** The shared table's AssumeRoleWithWebIdentity rows this suite runs, each with its case's id, title and role. */
export const DURATION_ROWS = roleSessionRows('AssumeRoleWithWebIdentity', STS_ASSUME_ROLE_WITH_WEB_IDENTITY).flatMap((row) => {
  const basic = BASIC_ROWS[row.requested ?? 'omitted'];
  return basic ? [{ ...basic, row }] : [];
});

/** The matrix as cases: one per row, `basic/<slug>`. */
export function durationCases(): CaseDefinition[] {
  return DURATION_ROWS.map(({ slug, title, role, overOneHour, row }): CaseDefinition => {
    const citations = overOneHour ? [...row.citations, BASIC_FLOW_OVER_ONE_HOUR] : row.citations;
    return {
      id: `basic/${slug}`,
      title,
      citations,
      table: {
        family: DURATION_FAMILY,
        row: durationTableRow({ operation: row.operation, caller: 'identity-pool OpenID token (basic flow)', roleMax: ROLE_MAX[role], requested: row.requested, expected: expectedText(row) }),
      },
      async run(ctx) {
        const { token } = await openIdTokenThrough(ctx, 'basic');
        if ('refused' in row.outcome) {
          // The row's citations: the API page and, for each message, where it was seen.
          await ctx.expect.error('AssumeRoleWithWebIdentity', assumeRole(ctx, role, token, row.requested), row.outcome.refused, citations);
          return;
        }
        const source = overOneHour ? [SOURCE, BASIC_FLOW_OVER_ONE_HOUR] : SOURCE;
        const sentAt = Date.now();
        const { credentials } = await ctx.expect.succeeds('AssumeRoleWithWebIdentity', assumeRole(ctx, role, token, row.requested), source);
        ctx.expect.lifetime('AssumeRoleWithWebIdentity.Credentials.lifetimeSeconds', credentials.expiration, sentAt, row.outcome.lifetimeSeconds, source);
      },
    };
  });
}
