import type { CaseDefinition } from '../../harness';
import { CG_AUTH_FLOW, CG_GROUPS, CG_RBAC, cite } from '../citations';
import { listKeys, noPolicyAllows, objectArn, readObject, s3Denied, writeObject, deleteObject } from '../s3-steps';
import { whoAmI } from '../steps';
import {
  BASIC_FLOW_NO_SCOPE_DOWN,
  CG_IAM_ROLES,
  ENHANCED_SESSION_OBSERVED,
  GUEST_SCOPE_DOWN_CONFLICT,
  IAM_POLICY_VARIABLES,
  S3_ACCESS_DENIED,
  S3_COGNITO_EXAMPLE,
  S3_GET_OBJECT,
  SCOPE_DOWN_EXCLUDES_IAM,
} from './sources';
import { BASIC_GUEST_SESSION, P, basicGuest, cell, enhancedAs, enhancedGuest, getGuestRole, identityOf, sessionArn } from './steps';
import { roleBoundaryIsRunConfiguration } from '../run-configuration';

const PRECEDENCE = [cite(CG_RBAC, 'the group with the lowest precedence number gives cognito:preferred_role, which Token mapping assumes'), CG_GROUPS];
const DENIED = [S3_ACCESS_DENIED, ENHANCED_SESSION_OBSERVED];

/** The RBAC example: roles reached by group precedence in the enhanced flow. */
export const rbacCases: CaseDefinition[] = [
  {
    id: 'access/admin-by-precedence-writes',
    title: 'ada, in admin (precedence 1) and editor (precedence 10), gets the admin role through the enhanced flow and writes under shared/',
    citations: [...PRECEDENCE, CG_AUTH_FLOW],
    matrix: [cell(P.admin, 's3:PutObject', 'shared/*', 'allow', 'PutObject(shared/)')],
    async run(ctx) {
      const { credentials } = await enhancedAs(ctx, 'ada', 'admin');
      await ctx.expect.succeeds('PutObject(shared/)', writeObject(ctx, credentials, 'files', 'shared/admin-writes.txt', 'by ada'), cite(CG_RBAC, 'the admin role allows s3:PutObject on the bucket'));
    },
  },
  {
    id: 'access/admin-deletes',
    title: 'The admin role deletes what it wrote under shared/',
    citations: [...PRECEDENCE],
    matrix: [cell(P.admin, 's3:DeleteObject', 'shared/*', 'allow', 'DeleteObject(shared/)')],
    async run(ctx) {
      const { credentials } = await enhancedAs(ctx, 'ada', 'admin');
      await ctx.expect.succeeds('PutObject(shared/)', writeObject(ctx, credentials, 'files', 'shared/admin-deletes.txt', 'short-lived'));
      await ctx.expect.succeeds('DeleteObject(shared/)', deleteObject(ctx, credentials, 'files', 'shared/admin-deletes.txt'), cite(CG_RBAC, 'the admin role allows s3:DeleteObject'));
    },
  },
  {
    id: 'access/editor-writes-own-prefix',
    title: 'eli, in editor only, gets the editor role and writes under editor/',
    citations: [CG_RBAC, CG_GROUPS],
    matrix: [cell(P.editor, 's3:PutObject', 'editor/*', 'allow', 'PutObject(editor/)')],
    async run(ctx) {
      const { credentials } = await enhancedAs(ctx, 'eli', 'editor');
      await ctx.expect.succeeds('PutObject(editor/)', writeObject(ctx, credentials, 'files', 'editor/eli.txt', 'by eli'), cite(CG_RBAC, 'the editor role allows s3:PutObject on editor/*'));
    },
  },
  {
    id: 'access/editor-outside-prefix-denied',
    title: 'The editor role writing under shared/ is AccessDenied 403: no identity-based policy allows it',
    citations: [CG_RBAC, ...DENIED],
    matrix: [cell(P.editor, 's3:PutObject', 'shared/*', 'deny', 'PutObject(shared/)')],
    async run(ctx) {
      const { credentials } = await enhancedAs(ctx, 'eli', 'editor');
      await ctx.expect.error(
        'PutObject(shared/)',
        writeObject(ctx, credentials, 'files', 'shared/eli.txt', 'by eli'),
        s3Denied(sessionArn(ctx, 'editor'), 's3:PutObject', objectArn(ctx, 'files', 'shared/eli.txt'), noPolicyAllows('identity-based', 's3:PutObject')),
        DENIED,
      );
    },
  },
  {
    id: 'access/editor-cannot-delete',
    title: 'The editor role deleting under editor/ is AccessDenied 403: it may write there, not delete',
    citations: [CG_RBAC, ...DENIED],
    matrix: [cell(P.editor, 's3:DeleteObject', 'editor/*', 'deny', 'DeleteObject(editor/)')],
    async run(ctx) {
      const { credentials } = await enhancedAs(ctx, 'eli', 'editor');
      await ctx.expect.error(
        'DeleteObject(editor/)',
        deleteObject(ctx, credentials, 'files', 'editor/draft.txt'),
        s3Denied(sessionArn(ctx, 'editor'), 's3:DeleteObject', objectArn(ctx, 'files', 'editor/draft.txt'), noPolicyAllows('identity-based', 's3:DeleteObject')),
        DENIED,
      );
    },
  },
  {
    id: 'access/no-group-gets-default-role',
    title: "uma, in no group, gets the pool's default authenticated role: reads public/, may not write editor/",
    citations: [cite(CG_RBAC, 'no cognito:preferred_role: AmbiguousRoleResolution AuthenticatedRole gives the default role'), ...DENIED],
    matrix: [cell(P.member, 's3:GetObject', 'public/*', 'allow', 'GetObject(public/)'), cell(P.member, 's3:PutObject', 'editor/*', 'deny', 'PutObject(editor/)')],
    async run(ctx) {
      const { credentials } = await enhancedAs(ctx, 'uma', 'member');
      const body = await ctx.expect.succeeds('GetObject(public/)', readObject(ctx, credentials, 'files', 'public/readme.txt'), cite(CG_RBAC, 'the default role reads public/'));
      ctx.expect.equal('GetObject(public/).Body', body, 'for everyone', cite(S3_GET_OBJECT, 'the object as it was put'));
      await ctx.expect.error(
        'PutObject(editor/)',
        writeObject(ctx, credentials, 'files', 'editor/uma.txt', 'by uma'),
        s3Denied(sessionArn(ctx, 'member'), 's3:PutObject', objectArn(ctx, 'files', 'editor/uma.txt'), noPolicyAllows('identity-based', 's3:PutObject')),
        DENIED,
      );
    },
  },
];

/** Per-user isolation with ${cognito-identity.amazonaws.com:sub}. */
export const isolationCases: CaseDefinition[] = [
  {
    id: 'access/own-prefix-read-write',
    title: 'ulf writes and reads back an object under private/<his identity id>/',
    citations: [S3_COGNITO_EXAMPLE, IAM_POLICY_VARIABLES],
    matrix: [cell(P.member, 's3:PutObject', 'private/<own identity>/*', 'allow', 'PutObject(own)'), cell(P.member, 's3:GetObject', 'private/<own identity>/*', 'allow', 'GetObject(own)')],
    async run(ctx) {
      const { credentials, identityId } = await enhancedAs(ctx, 'ulf', 'member');
      const key = `private/${identityId}/notes.txt`;
      await ctx.expect.succeeds('PutObject(own)', writeObject(ctx, credentials, 'files', key, "ulf's notes"), [S3_COGNITO_EXAMPLE, IAM_POLICY_VARIABLES]);
      const body = await ctx.expect.succeeds('GetObject(own)', readObject(ctx, credentials, 'files', key), S3_COGNITO_EXAMPLE);
      ctx.expect.equal('GetObject(own).Body', body, "ulf's notes", cite(S3_GET_OBJECT, 'the object as it was put'));
    },
  },
  {
    id: 'access/other-identity-prefix-denied',
    title: "uma reading under ulf's private/<identity id>/ is AccessDenied 403",
    citations: [S3_COGNITO_EXAMPLE, IAM_POLICY_VARIABLES, S3_GET_OBJECT, ...DENIED],
    matrix: [cell(P.member, 's3:GetObject', 'private/<another identity>/*', 'deny', 'GetObject(other)')],
    async run(ctx) {
      const ulf = await identityOf(ctx, 'ulf');
      const { credentials } = await enhancedAs(ctx, 'uma', 'member');
      const key = `private/${ulf}/notes.txt`;
      await ctx.expect.error(
        'GetObject(other)',
        readObject(ctx, credentials, 'files', key),
        s3Denied(sessionArn(ctx, 'member'), 's3:GetObject', objectArn(ctx, 'files', key), noPolicyAllows('identity-based', 's3:GetObject')),
        [S3_COGNITO_EXAMPLE, cite(S3_GET_OBJECT, 'denied whether or not the key exists'), ...DENIED],
      );
    },
  },
  {
    id: 'access/list-own-prefix-only',
    title: 'uma lists under private/<her identity id>/, and listing private/ as a whole is AccessDenied 403',
    citations: [S3_COGNITO_EXAMPLE, ...DENIED],
    matrix: [cell(P.member, 's3:ListBucket', 'prefix private/<own identity>/', 'allow', 'ListObjectsV2(own)'), cell(P.member, 's3:ListBucket', 'prefix private/', 'deny', 'ListObjectsV2(private/)')],
    async run(ctx) {
      const { credentials, identityId } = await enhancedAs(ctx, 'uma', 'member');
      await ctx.expect.succeeds('ListObjectsV2(own)', listKeys(ctx, credentials, 'files', `private/${identityId}/`), cite(S3_COGNITO_EXAMPLE, 's3:ListBucket when s3:prefix is under the identity id'));
      await ctx.expect.error(
        'ListObjectsV2(private/)',
        listKeys(ctx, credentials, 'files', 'private/'),
        s3Denied(sessionArn(ctx, 'member'), 's3:ListBucket', objectArn(ctx, 'files'), noPolicyAllows('identity-based', 's3:ListBucket')),
        DENIED,
      );
    },
  },
];

/** Guests in both flows. */
export const guestCases: CaseDefinition[] = [
  {
    id: 'access/guest-enhanced-reads-public',
    title: 'An enhanced-flow guest reads public/ — S3 is among the services Cognito lets guests use (a documented conflict)',
    citations: [GUEST_SCOPE_DOWN_CONFLICT, CG_IAM_ROLES],
    matrix: [cell(P.guestEnhanced, 's3:GetObject', 'public/*', 'allow', 'GetObject(public/)')],
    async run(ctx) {
      const { credentials } = await enhancedGuest(ctx);
      const body = await ctx.expect.succeeds('GetObject(public/)', readObject(ctx, credentials, 'files', 'public/readme.txt'), GUEST_SCOPE_DOWN_CONFLICT);
      ctx.expect.equal('GetObject(public/).Body', body, 'for everyone', cite(S3_GET_OBJECT, 'the object as it was put'));
    },
  },
  {
    id: 'access/guest-enhanced-denied-elsewhere',
    title: 'An enhanced-flow guest reading shared/ is AccessDenied 403: its role allows public/ only',
    citations: [CG_IAM_ROLES, ...DENIED],
    matrix: [cell(P.guestEnhanced, 's3:GetObject', 'shared/*', 'deny', 'GetObject(shared/)')],
    async run(ctx) {
      const { credentials } = await enhancedGuest(ctx);
      await ctx.expect.error(
        'GetObject(shared/)',
        readObject(ctx, credentials, 'files', 'shared/report.txt'),
        s3Denied(sessionArn(ctx, 'guest'), 's3:GetObject', objectArn(ctx, 'files', 'shared/report.txt'), noPolicyAllows('identity-based', 's3:GetObject')),
        DENIED,
      );
    },
  },
  {
    id: 'access/guest-enhanced-scope-down-refuses-iam',
    title: "An enhanced-flow guest may not read its own role in IAM, though the role allows it: Cognito's scope-down leaves IAM out",
    citations: [SCOPE_DOWN_EXCLUDES_IAM, CG_IAM_ROLES, ENHANCED_SESSION_OBSERVED],
    matrix: [cell(P.guestEnhanced, 'iam:GetRole', 'its own role', 'deny', 'GetRole(guest)')],
    async run(ctx) {
      const { credentials } = await enhancedGuest(ctx);
      const role = ctx.fx.role('guest').name;
      await ctx.expect.error(
        'GetRole(guest)',
        getGuestRole(ctx, credentials),
        { name: 'AccessDenied', httpStatus: 403, message: `User: ${sessionArn(ctx, 'guest')} is not authorized to perform: iam:GetRole on resource: role ${role} because no session policy allows the iam:GetRole action` },
        [SCOPE_DOWN_EXCLUDES_IAM, cite(S3_ACCESS_DENIED, 'the same wording for IAM, which names a role "role <name>"')],
      );
    },
  },
  {
    id: 'access/guest-basic-reads-public-only',
    title: 'A basic-flow guest reads public/ and writing there is AccessDenied 403',
    citations: [BASIC_FLOW_NO_SCOPE_DOWN, CG_AUTH_FLOW, S3_ACCESS_DENIED],
    matrix: [cell(P.guestBasic, 's3:GetObject', 'public/*', 'allow', 'GetObject(public/)'), cell(P.guestBasic, 's3:PutObject', 'public/*', 'deny', 'PutObject(public/)')],
    async run(ctx) {
      const { credentials } = await basicGuest(ctx);
      await ctx.expect.succeeds('GetObject(public/)', readObject(ctx, credentials, 'files', 'public/readme.txt'), cite(CG_IAM_ROLES, "the guest role's permissions"));
      await ctx.expect.error(
        'PutObject(public/)',
        writeObject(ctx, credentials, 'files', 'public/guest.txt', 'by a guest'),
        s3Denied(sessionArn(ctx, 'guest', BASIC_GUEST_SESSION), 's3:PutObject', objectArn(ctx, 'files', 'public/guest.txt'), noPolicyAllows('identity-based', 's3:PutObject')),
        S3_ACCESS_DENIED,
      );
    },
  },
  {
    id: 'access/guest-basic-has-no-scope-down',
    title: 'A basic-flow guest reads its own role in IAM, as the role allows: the basic flow applies no scope-down',
    citations: [BASIC_FLOW_NO_SCOPE_DOWN],
    matrix: [cell(P.guestBasic, 'iam:GetRole', 'its own role', 'allow', 'GetRole(guest)')],
    golden: { skip: [roleBoundaryIsRunConfiguration()] },
    async run(ctx) {
      const { credentials } = await basicGuest(ctx);
      const { who } = await whoAmI(ctx, credentials);
      ctx.expect.equal('GetCallerIdentity.Arn', who.arn, sessionArn(ctx, 'guest', BASIC_GUEST_SESSION), cite(CG_AUTH_FLOW, 'the app assumed the guest role itself'));
      await ctx.expect.succeeds('GetRole(guest)', getGuestRole(ctx, credentials), BASIC_FLOW_NO_SCOPE_DOWN);
    },
  },
];
