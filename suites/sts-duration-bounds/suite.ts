import {
  assumeRole,
  assumeRoleWithSaml,
  assumeRoleWithWebIdentity,
  defineSuite,
  federationToken,
  longTermUser,
  sessionToken,
  type CaseContext,
  type CaseDefinition,
  type Credentials,
} from '../../harness';
import { signInAs } from '../steps';
import { DURATION_FAMILY } from '../duration-table';
import { durationFixture } from './fixture';
import { DURATION_ROWS, rowSlug, rowTitle, tableRow, type DurationRow } from './rows';


const SESSION = 'idchain-duration';

/** Everything a row needs before the call it measures; returns the measured call, not yet sent. */
async function prepare(ctx: CaseContext, row: DurationRow): Promise<() => Promise<{ credentials: Credentials & { expiration: Date } }>> {
  const { fx, clients } = ctx;
  const roleArn = row.role ? fx.role(row.role).arn : '';
  // Long-term keys of an IAM user: GetFederationToken and GetSessionToken need them, and a role
  // session's AssumeRole would be role chaining, capped at an hour (kinds/iam-user.ts).
  const longTerm = longTermUser(fx).sts;
  switch (row.operation) {
    case 'AssumeRole': {
      let sts = longTerm;
      if (row.chained) {
        const backend = await ctx.expect.succeeds('AssumeRole(backend)', assumeRole(longTerm, { roleArn: fx.role('backend').arn, roleSessionName: 'backend' }));
        sts = clients.stsWith(backend.credentials);
      }
      return () => assumeRole(sts, { roleArn, roleSessionName: SESSION, durationSeconds: row.requested });
    }
    case 'AssumeRoleWithWebIdentity': {
      const { idToken } = await signInAs(ctx, 'ana');
      return () => assumeRoleWithWebIdentity(clients.sts, { roleArn, roleSessionName: SESSION, webIdentityToken: idToken, durationSeconds: row.requested });
    }
    case 'AssumeRoleWithSAML': {
      const provider = fx.samlProvider('corp');
      const samlAssertion = provider.idp.assertion({
        roles: [{ roleArn, providerArn: provider.arn }],
        nameId: 'ana',
        roleSessionName: 'ana',
        sessionDuration: row.saml?.sessionDuration,
        sessionValidForSeconds: row.saml?.sessionEndsInSeconds,
      });
      return () => assumeRoleWithSaml(clients.sts, { roleArn, principalArn: provider.arn, samlAssertion, durationSeconds: row.requested });
    }
    case 'GetFederationToken':
      return () => federationToken(longTerm, { name: 'duration', durationSeconds: row.requested });
    case 'GetSessionToken':
      return () => sessionToken(longTerm, { durationSeconds: row.requested });
  }
}

function durationCase(row: DurationRow): CaseDefinition {
  // The API page the row's bound comes from; a refusal also cites where each message was seen.
  const source = row.citations[0];
  return {
    id: `sts-duration/${rowSlug(row)}`,
    title: rowTitle(row),
    citations: row.citations,
    table: { family: DURATION_FAMILY, row: tableRow(row) },
    async run(ctx) {
      const send = await prepare(ctx, row);
      if ('refused' in row.outcome) {
        await ctx.expect.error(row.operation, send(), row.outcome.refused, row.citations);
        return;
      }
      const sentAt = Date.now();
      const { credentials } = await ctx.expect.succeeds(row.operation, send(), source);
      ctx.expect.lifetime(`${row.operation}.Credentials.lifetimeSeconds`, credentials.expiration, sentAt, row.outcome.lifetimeSeconds, source);
    },
  };
}

export const stsDurationBoundsSuite = defineSuite({
  name: 'sts-duration-bounds',
  title: 'STS DurationSeconds bounds for every operation that issues credentials, as one table',
  services: ['cognito-idp', 'sts', 'iam'],
  fixture: durationFixture,
  cases: DURATION_ROWS.map(durationCase),
});
