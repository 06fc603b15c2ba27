import { federationToken, longTermUser, policyDocument, stsArn, type CaseDefinition } from '../../harness';
import { STS_ASSUME_ROLE, STS_ASSUME_ROLE_WITH_SAML, STS_ASSUME_ROLE_WITH_WEB_IDENTITY, STS_GET_FEDERATION_TOKEN, cite } from '../citations';
import { bucket, noPolicyAllows, objectArn, readObject, s3Denied, writeObject, deleteObject } from '../s3-steps';
import {
  FEDERATION_TOKEN_PERMISSIONS,
  IAM_EVALUATION,
  IAM_SESSION_POLICIES,
  S3_ACCESS_DENIED,
  SAML_UNIQUE_USERS,
  WEB_IDENTITY_ROLE,
} from './sources';
import { P, assumeAs, cell, samlSession, sessionArn, webIdentitySession } from './steps';

const SAME_ACCOUNT = cite(IAM_EVALUATION, 'a bucket policy naming the role grants its sessions what the role\'s own policies lack');

/** Roles the harness assumes, a broker's federated users, and SAML and web-identity sessions, each on the bucket. */
export const stsCases: CaseDefinition[] = [
  {
    id: 'access/bucket-policy-grants-role',
    title: "The partner role, with no permission policy of its own, reads reports/ through the bucket policy naming it; shared/ is AccessDenied 403",
    citations: [IAM_EVALUATION, S3_ACCESS_DENIED],
    matrix: [cell(P.partner, 's3:GetObject', 'reports/*', 'allow', 'GetObject(reports/)'), cell(P.partner, 's3:GetObject', 'shared/*', 'deny', 'GetObject(shared/)')],
    async run(ctx) {
      const { credentials } = await assumeAs(ctx, 'partner', 'idchain-partner');
      const body = await ctx.expect.succeeds('GetObject(reports/)', readObject(ctx, credentials, 'files', 'reports/q1.txt'), SAME_ACCOUNT);
      ctx.expect.equal('GetObject(reports/).Body', body, 'for the partner', SAME_ACCOUNT);
      await ctx.expect.error(
        'GetObject(shared/)',
        readObject(ctx, credentials, 'files', 'shared/report.txt'),
        s3Denied(sessionArn(ctx, 'partner', 'idchain-partner'), 's3:GetObject', objectArn(ctx, 'files', 'shared/report.txt'), noPolicyAllows('identity-based', 's3:GetObject')),
        S3_ACCESS_DENIED,
      );
    },
  },
  {
    id: 'access/explicit-deny-wins',
    title: 'The writer role may do anything in the bucket, but deleting under protected/, which the bucket policy denies it, is AccessDenied 403',
    citations: [IAM_EVALUATION, S3_ACCESS_DENIED],
    matrix: [cell(P.writer, 's3:GetObject', 'protected/*', 'allow', 'GetObject(protected/)'), cell(P.writer, 's3:DeleteObject', 'protected/*', 'deny', 'DeleteObject(protected/)')],
    async run(ctx) {
      const { credentials } = await assumeAs(ctx, 'writer', 'idchain-writer');
      await ctx.expect.succeeds('GetObject(protected/)', readObject(ctx, credentials, 'files', 'protected/keep.txt'), cite(IAM_EVALUATION, 'the role allows it and nothing denies it'));
      await ctx.expect.error(
        'DeleteObject(protected/)',
        deleteObject(ctx, credentials, 'files', 'protected/keep.txt'),
        s3Denied(sessionArn(ctx, 'writer', 'idchain-writer'), 's3:DeleteObject', objectArn(ctx, 'files', 'protected/keep.txt'), 'with an explicit deny in a resource-based policy'),
        [cite(IAM_EVALUATION, 'an explicit deny in any policy overrides any allow'), S3_ACCESS_DENIED],
      );
    },
  },
  {
    id: 'access/session-policy-narrows',
    title: 'The writer role assumed with a session policy allowing only s3:GetObject reads, and writing is AccessDenied 403 because no session policy allows it',
    citations: [STS_ASSUME_ROLE, IAM_SESSION_POLICIES, S3_ACCESS_DENIED],
    matrix: [cell(P.narrowed, 's3:GetObject', 'public/*', 'allow', 'GetObject(public/)'), cell(P.narrowed, 's3:PutObject', 'scratch/*', 'deny', 'PutObject(scratch/)')],
    async run(ctx) {
      const policy = JSON.stringify(policyDocument({ Effect: 'Allow', Action: 's3:GetObject', Resource: objectArn(ctx, 'files', '*') }));
      const { credentials } = await assumeAs(ctx, 'writer', 'idchain-narrowed', policy);
      await ctx.expect.succeeds('GetObject(public/)', readObject(ctx, credentials, 'files', 'public/readme.txt'), cite(IAM_SESSION_POLICIES, 'both allow s3:GetObject'));
      await ctx.expect.error(
        'PutObject(scratch/)',
        writeObject(ctx, credentials, 'files', 'scratch/narrowed.txt', 'x'),
        s3Denied(sessionArn(ctx, 'writer', 'idchain-narrowed'), 's3:PutObject', objectArn(ctx, 'files', 'scratch/narrowed.txt'), noPolicyAllows('session', 's3:PutObject')),
        [cite(IAM_SESSION_POLICIES, 'the session policy does not allow s3:PutObject'), S3_ACCESS_DENIED],
      );
    },
  },
  {
    id: 'access/broker-per-user-session-policy',
    title: "A broker gets GetFederationToken credentials for ana with a session policy for home/ana/ only: ana reads her notes, bob's are AccessDenied 403",
    citations: [STS_GET_FEDERATION_TOKEN, FEDERATION_TOKEN_PERMISSIONS, S3_ACCESS_DENIED],
    matrix: [cell(P.federated, 's3:GetObject', 'home/<own name>/*', 'allow', 'GetObject(home/ana/)'), cell(P.federated, 's3:GetObject', 'home/<another name>/*', 'deny', 'GetObject(home/bob/)')],
    async run(ctx) {
      // Any partition (`arn:*:`), as the fixture's policies name the bucket: the packed size AWS answers then reads the same in every partition.
      const policy = JSON.stringify(policyDocument({ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:*:s3:::${bucket(ctx, 'files').name}/home/ana/*` }));
      const { credentials } = await ctx.expect.succeeds('GetFederationToken(ana)', federationToken(longTermUser(ctx.fx).sts, { name: 'ana', policy }), STS_GET_FEDERATION_TOKEN);
      const body = await ctx.expect.succeeds('GetObject(home/ana/)', readObject(ctx, credentials, 'files', 'home/ana/notes.txt'), FEDERATION_TOKEN_PERMISSIONS);
      ctx.expect.equal('GetObject(home/ana/).Body', body, "ana's notes", FEDERATION_TOKEN_PERMISSIONS);
      await ctx.expect.error(
        'GetObject(home/bob/)',
        readObject(ctx, credentials, 'files', 'home/bob/notes.txt'),
        s3Denied(stsArn(ctx.target.region, ctx.fx.caller.accountId, 'federated-user/ana'), 's3:GetObject', objectArn(ctx, 'files', 'home/bob/notes.txt'), noPolicyAllows('session', 's3:GetObject')),
        [cite(FEDERATION_TOKEN_PERMISSIONS, 'the session policy is all the federated user may do'), S3_ACCESS_DENIED],
      );
    },
  },
  {
    id: 'access/saml-session-reads-own-prefix',
    title: "A SAML session for NameID ana reads saml/ana/ through ${saml:sub}; saml/bob/ is AccessDenied 403",
    citations: [STS_ASSUME_ROLE_WITH_SAML, SAML_UNIQUE_USERS, S3_ACCESS_DENIED],
    matrix: [cell(P.saml, 's3:GetObject', 'saml/<own NameID>/*', 'allow', 'GetObject(saml/ana/)'), cell(P.saml, 's3:GetObject', 'saml/<another NameID>/*', 'deny', 'GetObject(saml/bob/)')],
    async run(ctx) {
      const { credentials } = await samlSession(ctx, 'ana');
      await ctx.expect.succeeds('GetObject(saml/ana/)', readObject(ctx, credentials, 'files', 'saml/ana/welcome.txt'), SAML_UNIQUE_USERS);
      await ctx.expect.error(
        'GetObject(saml/bob/)',
        readObject(ctx, credentials, 'files', 'saml/bob/welcome.txt'),
        s3Denied(sessionArn(ctx, 'saml-reader', 'ana'), 's3:GetObject', objectArn(ctx, 'files', 'saml/bob/welcome.txt'), noPolicyAllows('identity-based', 's3:GetObject')),
        [SAML_UNIQUE_USERS, S3_ACCESS_DENIED],
      );
    },
  },
  {
    id: 'access/web-identity-session-reads',
    title: "A user pool ID token sent straight to AssumeRoleWithWebIdentity gets the oidc-reader role: it reads oidc/, and shared/ is AccessDenied 403",
    citations: [STS_ASSUME_ROLE_WITH_WEB_IDENTITY, WEB_IDENTITY_ROLE, S3_ACCESS_DENIED],
    matrix: [cell(P.oidc, 's3:GetObject', 'oidc/*', 'allow', 'GetObject(oidc/)'), cell(P.oidc, 's3:GetObject', 'shared/*', 'deny', 'GetObject(shared/)')],
    async run(ctx) {
      const { credentials } = await webIdentitySession(ctx, 'uma', 'idchain-oidc');
      await ctx.expect.succeeds('GetObject(oidc/)', readObject(ctx, credentials, 'files', 'oidc/welcome.txt'), WEB_IDENTITY_ROLE);
      await ctx.expect.error(
        'GetObject(shared/)',
        readObject(ctx, credentials, 'files', 'shared/report.txt'),
        s3Denied(sessionArn(ctx, 'oidc-reader', 'idchain-oidc'), 's3:GetObject', objectArn(ctx, 'files', 'shared/report.txt'), noPolicyAllows('identity-based', 's3:GetObject')),
        [WEB_IDENTITY_ROLE, S3_ACCESS_DENIED],
      );
    },
  },
];
