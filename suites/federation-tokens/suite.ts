import { assumeRole, callerIdentity, defineSuite, federationToken, sessionToken, stsArn } from '../../harness';
import { IAM_IDENTIFIERS, STS_COMMON_ERRORS, STS_GET_CALLER_IDENTITY, cite } from '../citations';
import { FEDERATED_NAME, federationTokensFixture } from './fixture';
import {
  FEDERATED_USER_SHAPE_OBSERVED,
  FEDERATION_SESSION_REFUSED_OBSERVED,
  IAM_GET_FEDERATION_TOKEN_PERMISSIONS,
  IAM_POLICY_PRINCIPAL,
  IAM_REQUEST_TEMP_CREDENTIALS,
  IAM_STS_COMPARISON,
  NAME_TOO_LONG_OBSERVED,
  SESSION_TOKEN_IAM_REFUSED_OBSERVED,
  SESSION_TOKEN_SESSION_REFUSED_OBSERVED,
  STS_GET_FEDERATION_TOKEN,
  STS_GET_SESSION_TOKEN,
} from './sources';
import { federate, federated, getRoleWith, harnessIdentity, listRolesWith, policyText, roleSession, userSession } from './steps';

const GFT = STS_GET_FEDERATION_TOKEN;
const GST = STS_GET_SESSION_TOKEN;
const NO_IAM = cite(GFT, 'Permissions: "You cannot call any IAM operations using the CLI or the Amazon Web Services API"');
const NO_STS = cite(GFT, 'Permissions: "You cannot call any STS operations except GetCallerIdentity"');
const LONG_TERM_ONLY = cite(IAM_STS_COMPARISON, 'only an IAM user or the root user (long-term credentials) may call it');
const DEFAULT_LIFETIME = 43200;
const TEMPORARY_KEY = /^ASIA[A-Z0-9]{16}$/;

export const federationTokensSuite = defineSuite({
  name: 'federation-tokens',
  title: 'GetFederationToken and GetSessionToken: temporary credentials for an IAM user and the federated users it vouches for',
  services: ['sts', 'iam'],
  fixture: federationTokensFixture,
  // Every case signs GetFederationToken or GetSessionToken with an IAM user's long-term keys (steps.ts longTermSts).
  cases: [
    {
      id: 'federation-token/answer-shape',
      title: 'GetFederationToken names the federated user federated-user/<name>, <acct>:<name>, PackedPolicySize 0 without a policy, and 12-hour ASIA credentials by default',
      citations: [STS_GET_FEDERATION_TOKEN, IAM_IDENTIFIERS, FEDERATED_USER_SHAPE_OBSERVED],
      async run(ctx) {
        const account = ctx.fx.caller.accountId;
        const sentAt = Date.now();
        const answer = await federated(ctx);
        ctx.expect.equal('GetFederationToken.FederatedUser.Arn', answer.federatedUser?.arn, stsArn(ctx.target.region, account, `federated-user/${FEDERATED_NAME}`), [FEDERATED_USER_SHAPE_OBSERVED, IAM_IDENTIFIERS]);
        ctx.expect.equal('GetFederationToken.FederatedUser.FederatedUserId', answer.federatedUser?.federatedUserId, `${account}:${FEDERATED_NAME}`, FEDERATED_USER_SHAPE_OBSERVED);
        ctx.expect.equal('GetFederationToken.PackedPolicySize', answer.packedPolicySize, 0, cite(FEDERATED_USER_SHAPE_OBSERVED, 'PackedPolicySize 0 when no policy is passed'));
        ctx.expect.match('GetFederationToken.Credentials.AccessKeyId', answer.credentials.accessKeyId, TEMPORARY_KEY, cite(IAM_IDENTIFIERS, 'temporary keys start ASIA'));
        ctx.expect.lifetime(
          'GetFederationToken.Credentials.lifetimeSeconds',
          answer.credentials.expiration,
          sentAt,
          DEFAULT_LIFETIME,
          cite(GFT, `DurationSeconds: "The default session duration is 43,200 seconds (12 hours)"`),
        );
      },
    },
    {
      id: 'federation-token/caller-identity-is-federated-user',
      title: 'GetCallerIdentity with the federated credentials answers federated-user/<name>, the account, and UserId <acct>:<name>',
      citations: [STS_GET_FEDERATION_TOKEN, STS_GET_CALLER_IDENTITY, IAM_IDENTIFIERS, FEDERATED_USER_SHAPE_OBSERVED],
      async run(ctx) {
        const account = ctx.fx.caller.accountId;
        const { credentials } = await federated(ctx);
        const who = await ctx.expect.succeeds('GetCallerIdentity', callerIdentity(ctx.clients, credentials), cite(NO_STS, `GetCallerIdentity is the exception; it needs no permission`));
        ctx.expect.equal('GetCallerIdentity.Arn', who.arn, stsArn(ctx.target.region, account, `federated-user/${FEDERATED_NAME}`), [IAM_IDENTIFIERS, FEDERATED_USER_SHAPE_OBSERVED]);
        ctx.expect.equal('GetCallerIdentity.Account', who.account, account, STS_GET_CALLER_IDENTITY);
        ctx.expect.equal('GetCallerIdentity.UserId', who.userId, `${account}:${FEDERATED_NAME}`, FEDERATED_USER_SHAPE_OBSERVED);
      },
    },
    {
      id: 'federation-token/name-too-short-refused',
      title: 'A one-character Name is refused with ValidationError: the name is 2 to 32 characters',
      citations: [STS_GET_FEDERATION_TOKEN, STS_COMMON_ERRORS],
      async run(ctx) {
        await ctx.expect.error(
          'GetFederationToken',
          federate(ctx, { name: 'c' }),
          { name: 'ValidationError', httpStatus: 400 },
          [cite(GFT, 'Name: "Length Constraints: Minimum length of 2"'), STS_COMMON_ERRORS],
        );
      },
    },
    {
      id: 'federation-token/name-too-long-refused',
      title: 'A 33-character Name is refused with ValidationError: the name is 2 to 32 characters',
      citations: [STS_GET_FEDERATION_TOKEN, STS_COMMON_ERRORS, NAME_TOO_LONG_OBSERVED],
      async run(ctx) {
        const name = 'c'.repeat(33);
        await ctx.expect.error(
          'GetFederationToken',
          federate(ctx, { name }),
          {
            name: 'ValidationError',
            httpStatus: 400,
            message: `1 validation error detected: Value '${name}' at 'name' failed to satisfy constraint: Member must have length less than or equal to 32`,
          },
          [cite(GFT, 'Name: "Maximum length of 32"'), NAME_TOO_LONG_OBSERVED],
        );
      },
    },
    {
      id: 'federation-token/iam-refused-without-policy',
      title: 'Federated credentials got without a session policy cannot call IAM: ListRoles is refused (two documented reasons: no policy means no permissions, and IAM takes no federated credentials)',
      citations: [STS_GET_FEDERATION_TOKEN, IAM_STS_COMPARISON, IAM_GET_FEDERATION_TOKEN_PERMISSIONS],
      async run(ctx) {
        const { credentials } = await federated(ctx);
        // AWS documents the refusal, not its error name: any refusal passes and the golden records which one it was.
        await ctx.expect.error(
          'ListRoles',
          listRolesWith(ctx, credentials),
          {},
          [NO_IAM, cite(GFT, '"if you do not pass a policy, then the resulting federated user session has no permissions"')],
        );
      },
    },
    {
      id: 'federation-token/iam-refused-despite-policy',
      title: 'A session policy allowing iam:ListRoles and iam:GetRole does not open IAM to federated credentials; PackedPolicySize is above 0',
      citations: [STS_GET_FEDERATION_TOKEN, IAM_STS_COMPARISON],
      async run(ctx) {
        const answer = await federated(ctx, policyText(['iam:ListRoles', 'iam:GetRole']));
        ctx.expect.within(
          'GetFederationToken.PackedPolicySize',
          answer.packedPolicySize,
          1,
          100,
          cite(GFT, `PackedPolicySize: "A percentage value that indicates the packed size of the session policies"; over 100 the request fails`),
        );
        await ctx.expect.error('ListRoles', listRolesWith(ctx, answer.credentials), {}, cite(NO_IAM, 'whatever the session policy allows'));
        await ctx.expect.error('GetRole', getRoleWith(ctx, answer.credentials), {}, cite(NO_IAM, 'whatever the session policy allows'));
      },
    },
    {
      id: 'federation-token/federated-user-sts-refused',
      title: 'Federated credentials, even with a session policy allowing sts:*, cannot call STS except GetCallerIdentity',
      citations: [STS_GET_FEDERATION_TOKEN, IAM_STS_COMPARISON, IAM_POLICY_PRINCIPAL],
      async run(ctx) {
        const { credentials } = await federated(ctx, policyText(['sts:*']));
        const sts = ctx.clients.stsWith(credentials);
        // The role trusts carol by name, so only the STS restriction can refuse her.
        await ctx.expect.error('AssumeRole', assumeRole(sts, { roleArn: ctx.fx.role('target').arn, roleSessionName: 'carol-tries' }), {}, NO_STS);
        await ctx.expect.error('GetSessionToken', sessionToken(sts), {}, [NO_STS, LONG_TERM_ONLY]);
        await ctx.expect.error('GetFederationToken', federationToken(sts, { name: 'carol-again' }), {}, [NO_STS, LONG_TERM_ONLY]);
        await ctx.expect.succeeds('GetCallerIdentity', callerIdentity(ctx.clients, credentials), NO_STS);
      },
    },
    {
      id: 'federation-token/session-credentials-refused',
      title: 'GetFederationToken signed with session credentials (a role session, GetSessionToken credentials) is refused',
      citations: [STS_GET_FEDERATION_TOKEN, IAM_REQUEST_TEMP_CREDENTIALS, IAM_STS_COMPARISON, FEDERATION_SESSION_REFUSED_OBSERVED],
      async run(ctx) {
        const role = await roleSession(ctx);
        await ctx.expect.error(
          'GetFederationToken(role session)',
          federationToken(ctx.clients.stsWith(role.credentials), { name: FEDERATED_NAME }),
          { name: 'AccessDenied', httpStatus: 403, message: 'Cannot call GetFederationToken with session credentials' },
          [cite(GFT, '"You must call the GetFederationToken operation using the long-term security credentials of an IAM user"'), LONG_TERM_ONLY, FEDERATION_SESSION_REFUSED_OBSERVED],
        );
        const user = await userSession(ctx);
        await ctx.expect.error(
          'GetFederationToken(GetSessionToken credentials)',
          federationToken(ctx.clients.stsWith(user.credentials), { name: FEDERATED_NAME }),
          {},
          [cite(GST, '"You cannot call any STS API except AssumeRole or GetCallerIdentity"'), LONG_TERM_ONLY],
        );
      },
    },
    {
      id: 'federation-token/session-token-answer-shape',
      title: 'GetSessionToken without DurationSeconds answers ASIA credentials with a session token that last 12 hours',
      citations: [STS_GET_SESSION_TOKEN, IAM_IDENTIFIERS],
      async run(ctx) {
        const sentAt = Date.now();
        const { credentials } = await userSession(ctx);
        ctx.expect.match('GetSessionToken.Credentials.AccessKeyId', credentials.accessKeyId, TEMPORARY_KEY, cite(IAM_IDENTIFIERS, 'temporary keys start ASIA'));
        ctx.expect.present('GetSessionToken.Credentials.SessionToken', credentials.sessionToken, cite(GST, `Credentials: temporary credentials carry a session token`));
        ctx.expect.lifetime(
          'GetSessionToken.Credentials.lifetimeSeconds',
          credentials.expiration,
          sentAt,
          DEFAULT_LIFETIME,
          cite(GST, `DurationSeconds: "Acceptable durations for IAM user sessions range from 900 seconds (15 minutes) to 129,600 seconds (36 hours), with 43,200 seconds (12 hours) as the default"`),
        );
      },
    },
    {
      id: 'federation-token/session-token-acts-as-user',
      title: 'GetSessionToken credentials act as the IAM user that asked for them: GetCallerIdentity answers the same ARN, UserId and account',
      citations: [STS_GET_SESSION_TOKEN, STS_GET_CALLER_IDENTITY, IAM_REQUEST_TEMP_CREDENTIALS],
      async run(ctx) {
        const me = await harnessIdentity(ctx);
        const { credentials } = await userSession(ctx);
        const who = await ctx.expect.succeeds('GetCallerIdentity', callerIdentity(ctx.clients, credentials), cite(GST, `the credentials may call GetCallerIdentity`));
        const source = cite(GST, `"Returns a set of temporary credentials for an Amazon Web Services account or IAM user"; the permissions are the user's`);
        ctx.expect.equal('GetCallerIdentity.Arn', who.arn, me.arn, source);
        ctx.expect.equal('GetCallerIdentity.UserId', who.userId, me.userId, source);
        ctx.expect.equal('GetCallerIdentity.Account', who.account, ctx.fx.caller.accountId, source);
      },
    },
    {
      id: 'federation-token/session-token-session-credentials-refused',
      title: 'GetSessionToken signed with session credentials (a role session, GetSessionToken credentials) is refused',
      citations: [STS_GET_SESSION_TOKEN, IAM_STS_COMPARISON, SESSION_TOKEN_SESSION_REFUSED_OBSERVED],
      async run(ctx) {
        const role = await roleSession(ctx);
        await ctx.expect.error(
          'GetSessionToken(role session)',
          sessionToken(ctx.clients.stsWith(role.credentials)),
          { name: 'AccessDenied', message: 'Cannot call GetSessionToken with session credentials' },
          [LONG_TERM_ONLY, SESSION_TOKEN_SESSION_REFUSED_OBSERVED],
        );
        const user = await userSession(ctx);
        await ctx.expect.error(
          'GetSessionToken(GetSessionToken credentials)',
          sessionToken(ctx.clients.stsWith(user.credentials)),
          {},
          [cite(GST, '"You cannot call any STS API except AssumeRole or GetCallerIdentity"'), LONG_TERM_ONLY],
        );
      },
    },
    {
      id: 'federation-token/session-token-iam-refused-without-mfa',
      title: 'GetSessionToken credentials got without MFA cannot call IAM: ListRoles is refused with InvalidClientTokenId 403',
      citations: [STS_GET_SESSION_TOKEN, IAM_STS_COMPARISON, SESSION_TOKEN_IAM_REFUSED_OBSERVED],
      async run(ctx) {
        const { credentials } = await userSession(ctx);
        await ctx.expect.error(
          'ListRoles',
          listRolesWith(ctx, credentials),
          { name: 'InvalidClientTokenId', httpStatus: 403, message: 'The security token included in the request is invalid' },
          [cite(GST, '"You cannot call any IAM API operations unless MFA authentication information is included in the request"'), SESSION_TOKEN_IAM_REFUSED_OBSERVED],
        );
      },
    },
  ],
});
