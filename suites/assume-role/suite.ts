import { defineSuite, type CaseDefinition, type Citation } from '../../harness';
import { IAM_CREATE_ROLE, IAM_IDENTIFIERS, STS_COMMON_ERRORS, STS_GET_CALLER_IDENTITY, IAM_GET_ROLE, cite } from '../citations';
import { whoAmI } from '../steps';
import { assumeRoleFixture } from './fixture';
import {
  ASSUME_DENIED_OBSERVED,
  IAM_METHODS_TO_ASSUME,
  IAM_ROLE_TERMS,
  IAM_SESSION_POLICIES,
  IAM_TRUST_POLICY_UPDATE,
  NO_PACKED_SIZE_OBSERVED,
  REPOST_CHAINING_LIMIT,
  SESSION_NAME_PATTERN_OBSERVED,
  SESSION_NAME_TOO_LONG_OBSERVED,
  SESSION_NAME_TOO_SHORT_INFERRED,
  STS_ASSUME_ROLE,
} from './sources';
import {
  BACKEND_SESSION,
  REPORTS_SESSION,
  assumeAsHarness,
  assumeWith,
  assumedRoleArn,
  assumedRoleId,
  backendSession,
  getRoleWith,
  listRolePoliciesWith,
  sessionPolicyAllowing,
} from './steps';
import { roleBoundaryIsRunConfiguration } from '../run-configuration';

const IDENTIFIERS = cite(IAM_IDENTIFIERS, 'assumed-role ARN arn:<partition>:sts::<account>:assumed-role/<role name>/<session>, id <RoleId>:<session>');
const CHAINING = [IAM_METHODS_TO_ASSUME, cite(STS_ASSUME_ROLE, 'DurationSeconds: role chaining limits the session to one hour')];
const CHAINING_MESSAGE = 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.';
const INTERSECTION = IAM_SESSION_POLICIES;
const SESSION_NAME = cite(STS_ASSUME_ROLE, 'RoleSessionName: length 2–64, pattern [\\w+=,.@-]*');

/** A RoleSessionName STS must refuse with ValidationError (400), and where the expected message comes from. */
function sessionNameCase(slug: string, title: string, name: string, message: string, sources: Citation[]): CaseDefinition {
  return {
    id: `assume-role/${slug}`,
    title,
    citations: [STS_ASSUME_ROLE, STS_COMMON_ERRORS, ...sources],
    async run(ctx) {
      await ctx.expect.error(
        'AssumeRole',
        assumeAsHarness(ctx, 'reports', { session: name }),
        { name: 'ValidationError', httpStatus: 400, message },
        [SESSION_NAME, ...sources],
      );
    },
  };
}

export const assumeRoleSuite = defineSuite({
  name: 'assume-role',
  title: 'STS AssumeRole: role chaining, trust refusals, the one-hour chaining cap, session names and session policies',
  services: ['sts', 'iam'],
  fixture: assumeRoleFixture,
  cases: [
    {
      id: 'assume-role/backend-chains-into-role',
      title: 'The backend role session assumes the reports role: the chained session is assumed-role/<reports>/<session> with UserId <RoleId>:<session>',
      citations: [STS_ASSUME_ROLE, IAM_IDENTIFIERS, IAM_ROLE_TERMS, STS_GET_CALLER_IDENTITY, NO_PACKED_SIZE_OBSERVED],
      async run(ctx) {
        const backend = await backendSession(ctx);
        ctx.expect.equal('AssumeRole(backend).AssumedRoleUser.Arn', backend.assumedRoleUser?.arn, assumedRoleArn(ctx, 'backend', BACKEND_SESSION), IDENTIFIERS);

        const chained = await ctx.expect.succeeds('AssumeRole(reports)', assumeWith(ctx, backend.credentials, 'reports'), cite(STS_ASSUME_ROLE, '`reports` trusts the backend role'));
        ctx.expect.equal('AssumeRole(reports).AssumedRoleUser.Arn', chained.assumedRoleUser?.arn, assumedRoleArn(ctx, 'reports', REPORTS_SESSION), IDENTIFIERS);
        ctx.expect.equal('AssumeRole(reports).AssumedRoleUser.AssumedRoleId', chained.assumedRoleUser?.assumedRoleId, assumedRoleId(ctx, 'reports', REPORTS_SESSION), IDENTIFIERS);
        ctx.expect.match('AssumeRole(reports).Credentials.AccessKeyId', chained.credentials.accessKeyId, /^ASIA[A-Z0-9]{16}$/, cite(IAM_IDENTIFIERS, 'temporary keys start ASIA'));
        ctx.expect.absent('AssumeRole(reports).PackedPolicySize', chained.packedPolicySize, NO_PACKED_SIZE_OBSERVED);

        const { who } = await whoAmI(ctx, chained.credentials);
        ctx.expect.equal('GetCallerIdentity.Arn', who.arn, assumedRoleArn(ctx, 'reports', REPORTS_SESSION), [STS_GET_CALLER_IDENTITY, IDENTIFIERS]);
        ctx.expect.equal('GetCallerIdentity.UserId', who.userId, assumedRoleId(ctx, 'reports', REPORTS_SESSION), [STS_GET_CALLER_IDENTITY, IDENTIFIERS]);
        ctx.expect.equal('GetCallerIdentity.Account', who.account, ctx.fx.caller.accountId, cite(STS_GET_CALLER_IDENTITY, 'the account that owns the role'));
      },
    },
    {
      id: 'assume-role/untrusted-caller-refused',
      title: 'The harness identity assumes a role whose trust policy names only the backend role: AccessDenied 403',
      citations: [STS_ASSUME_ROLE, IAM_METHODS_TO_ASSUME, ASSUME_DENIED_OBSERVED],
      async run(ctx) {
        const role = ctx.fx.role('backend-only');
        await ctx.expect.error(
          'AssumeRole',
          assumeAsHarness(ctx, 'backend-only'),
          { name: 'AccessDenied', httpStatus: 403, message: `User: ${ctx.fx.caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${role.arn}` },
          [cite(STS_ASSUME_ROLE, "the role's trust policy must name the caller"), ASSUME_DENIED_OBSERVED],
        );
      },
    },
    {
      id: 'assume-role/role-cannot-assume-itself-unless-trusted',
      title: 'A backend role session assumes its own role, whose trust policy names only the harness identity: AccessDenied 403 even with sts:AssumeRole allowed',
      citations: [STS_ASSUME_ROLE, IAM_TRUST_POLICY_UPDATE, ASSUME_DENIED_OBSERVED],
      async run(ctx) {
        const backend = await backendSession(ctx);
        await ctx.expect.error(
          'AssumeRole(backend as backend)',
          assumeWith(ctx, backend.credentials, 'backend', { session: 'idchain-self' }),
          {
            name: 'AccessDenied',
            httpStatus: 403,
            message: `User: ${assumedRoleArn(ctx, 'backend', BACKEND_SESSION)} is not authorized to perform: sts:AssumeRole on resource: ${ctx.fx.role('backend').arn}`,
          },
          [IAM_TRUST_POLICY_UPDATE, ASSUME_DENIED_OBSERVED],
        );
      },
    },
    {
      id: 'assume-role/chaining-capped-at-one-hour',
      title: 'A role session asking for 3601 seconds of a role whose MaxSessionDuration is 43200 is refused: chaining caps sessions at one hour',
      citations: [STS_ASSUME_ROLE, IAM_METHODS_TO_ASSUME, IAM_ROLE_TERMS, REPOST_CHAINING_LIMIT, IAM_CREATE_ROLE, STS_COMMON_ERRORS],
      async run(ctx) {
        const backend = await backendSession(ctx);
        await ctx.expect.error(
          'AssumeRole(reports, 3601)',
          assumeWith(ctx, backend.credentials, 'reports', { durationSeconds: 3601 }),
          { name: 'ValidationError', httpStatus: 400, message: CHAINING_MESSAGE },
          [...CHAINING, REPOST_CHAINING_LIMIT],
        );
      },
    },
    {
      id: 'assume-role/chaining-one-hour-accepted',
      title: 'A role session asking for exactly 3600 seconds of the reports role gets credentials lasting one hour',
      citations: [STS_ASSUME_ROLE, IAM_METHODS_TO_ASSUME, IAM_ROLE_TERMS],
      async run(ctx) {
        const backend = await backendSession(ctx);
        const sentAt = Date.now();
        const chained = await ctx.expect.succeeds('AssumeRole(reports, 3600)', assumeWith(ctx, backend.credentials, 'reports', { durationSeconds: 3600 }), CHAINING);
        ctx.expect.lifetime('AssumeRole(reports, 3600).Credentials.lifetimeSeconds', chained.credentials.expiration, sentAt, 3600, CHAINING);
      },
    },
    sessionNameCase(
      'session-name-pattern-refused',
      "RoleSessionName 'Session1:2' (a colon) is refused with ValidationError naming the pattern",
      'Session1:2',
      "1 validation error detected: Value 'Session1:2' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
      [SESSION_NAME_PATTERN_OBSERVED],
    ),
    sessionNameCase(
      'session-name-too-short-refused',
      "RoleSessionName 'a' (1 character) is refused with ValidationError: the minimum is 2",
      'a',
      "1 validation error detected: Value 'a' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2",
      [SESSION_NAME_TOO_LONG_OBSERVED, SESSION_NAME_TOO_SHORT_INFERRED],
    ),
    sessionNameCase(
      'session-name-too-long-refused',
      'A RoleSessionName of 65 characters is refused with ValidationError: the maximum is 64',
      's'.repeat(65),
      `1 validation error detected: Value '${'s'.repeat(65)}' at 'roleSessionName' failed to satisfy constraint: Member must have length less than or equal to 64`,
      [SESSION_NAME_TOO_LONG_OBSERVED],
    ),
    {
      id: 'assume-role/session-policy-narrows',
      title: 'A session policy allowing only iam:ListRolePolicies narrows the reports role: ListRolePolicies succeeds, GetRole (allowed by the role) is AccessDenied 403',
      citations: [STS_ASSUME_ROLE, IAM_SESSION_POLICIES],
      async run(ctx) {
        const narrowed = await ctx.expect.succeeds(
          'AssumeRole(reports, Policy)',
          assumeAsHarness(ctx, 'reports', { policy: sessionPolicyAllowing(['iam:ListRolePolicies']) }),
          cite(STS_ASSUME_ROLE, 'Policy'),
        );
        ctx.expect.within(
          'AssumeRole(reports, Policy).PackedPolicySize',
          narrowed.packedPolicySize,
          1,
          100,
          cite(STS_ASSUME_ROLE, 'PackedPolicySize: a percentage of the packed-size limit, returned for a request with session policies'),
        );
        await ctx.expect.succeeds('ListRolePolicies', listRolePoliciesWith(ctx, narrowed.credentials, 'reports'), cite(INTERSECTION, 'both allow iam:ListRolePolicies'));
        await ctx.expect.error(
          'GetRole',
          getRoleWith(ctx, narrowed.credentials, 'reports'),
          { name: 'AccessDenied', httpStatus: 403 },
          cite(INTERSECTION, 'the session policy does not allow iam:GetRole'),
        );
      },
    },
    {
      id: 'assume-role/without-session-policy-role-permissions-apply',
      title: 'Without a session policy the reports session has the role\'s permissions: GetRole succeeds',
      citations: [STS_ASSUME_ROLE, IAM_SESSION_POLICIES],
      golden: { skip: [roleBoundaryIsRunConfiguration()] },
      async run(ctx) {
        const session = await ctx.expect.succeeds('AssumeRole(reports)', assumeAsHarness(ctx, 'reports'), STS_ASSUME_ROLE);
        const answer = await ctx.expect.succeeds(
          'GetRole',
          getRoleWith(ctx, session.credentials, 'reports'),
          cite(IAM_SESSION_POLICIES, "without a session policy, the role's permissions policy determines the session's permissions"),
        );
        ctx.expect.equal('GetRole.Role.RoleId', answer.Role?.RoleId, ctx.fx.role('reports').id, cite(IAM_GET_ROLE, 'the role asked for'));
      },
    },
  ],
});
