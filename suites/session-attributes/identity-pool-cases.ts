import type { CaseDefinition } from '../../harness';
import { CI_GET_CREDENTIALS, cite } from '../citations';
import { noPolicyAllows, objectArn, s3Denied, writeObject } from '../s3-steps';
import { S3_ACCESS_DENIED } from '../resource-access/sources';
import {
  CG_AFAC,
  CG_AFAC_EXAMPLE,
  CG_DEFAULT_MAPPINGS,
  CI_GET_PRINCIPAL_TAGS,
  CI_SET_PRINCIPAL_TAGS,
  DEFAULT_TAG_KEYS_INFERRED,
  IAM_SESSION_TAGS,
  TAG_SESSION_REFUSAL_INFERRED,
} from './sources';
import { cell, enhancedThrough, principalTagMap, readsAllowed, readsDenied, sessionArn } from './steps';

const DEFAULTS = 'abac (enhanced flow, default mappings)';
const CUSTOM = 'abac (enhanced flow, team ← custom:team)';
const ENHANCED_SESSION = 'CognitoIdentityCredentials';

/** Identity pools' attributes for access control. */
export const identityPoolCases: CaseDefinition[] = [
  {
    id: 'attributes/default-mappings-answered',
    title: "GetPrincipalTagAttributeMap of a pool using the default mappings for a user pool: UseDefaults true, username ← sub and client ← aud",
    citations: [CI_GET_PRINCIPAL_TAGS, CI_SET_PRINCIPAL_TAGS, CG_DEFAULT_MAPPINGS, DEFAULT_TAG_KEYS_INFERRED],
    async run(ctx) {
      const map = await ctx.expect.succeeds('GetPrincipalTagAttributeMap', principalTagMap(ctx, 'defaults'), CI_GET_PRINCIPAL_TAGS);
      ctx.expect.equal('GetPrincipalTagAttributeMap.IdentityPoolId', map.IdentityPoolId, ctx.fx.identityPool('defaults').id, CI_GET_PRINCIPAL_TAGS);
      ctx.expect.equal('GetPrincipalTagAttributeMap.IdentityProviderName', map.IdentityProviderName, ctx.fx.userPool('main').providerName, CI_GET_PRINCIPAL_TAGS);
      ctx.expect.equal('GetPrincipalTagAttributeMap.UseDefaults', map.UseDefaults, true, CI_SET_PRINCIPAL_TAGS);
      ctx.expect.equal('GetPrincipalTagAttributeMap.PrincipalTags', map.PrincipalTags, { client: 'aud', username: 'sub' }, [CG_DEFAULT_MAPPINGS, DEFAULT_TAG_KEYS_INFERRED]);
    },
  },
  {
    id: 'attributes/custom-mapping-answered',
    title: 'GetPrincipalTagAttributeMap of a pool with a custom mapping: UseDefaults false and the tag → claim map as set',
    citations: [CI_GET_PRINCIPAL_TAGS, CI_SET_PRINCIPAL_TAGS],
    async run(ctx) {
      const map = await ctx.expect.succeeds('GetPrincipalTagAttributeMap', principalTagMap(ctx, 'custom'), CI_GET_PRINCIPAL_TAGS);
      ctx.expect.equal('GetPrincipalTagAttributeMap.UseDefaults', map.UseDefaults, false, CI_SET_PRINCIPAL_TAGS);
      ctx.expect.equal('GetPrincipalTagAttributeMap.PrincipalTags', map.PrincipalTags, { team: 'custom:team' }, CI_SET_PRINCIPAL_TAGS);
    },
  },
  {
    id: 'attributes/default-tags-decide-s3',
    title: "With the default mappings dana's session is tagged username = her sub: she writes under users/<her sub>/, and under ravi's it is AccessDenied 403",
    citations: [CG_AFAC, CG_DEFAULT_MAPPINGS, DEFAULT_TAG_KEYS_INFERRED, IAM_SESSION_TAGS, S3_ACCESS_DENIED],
    matrix: [cell(DEFAULTS, 's3:PutObject', 'users/<own sub>/*', 'allow', 'PutObject(own)'), cell(DEFAULTS, 's3:PutObject', 'users/<another sub>/*', 'deny', 'PutObject(other)')],
    async run(ctx) {
      const { claims, call } = await enhancedThrough(ctx, 'dana', 'defaults');
      const { credentials } = await ctx.expect.succeeds('GetCredentialsForIdentity', call, CG_AFAC);
      const own = `users/${String(claims.sub)}/note.txt`;
      await ctx.expect.succeeds('PutObject(own)', writeObject(ctx, credentials, 'data', own, 'by dana'), [CG_AFAC_EXAMPLE, DEFAULT_TAG_KEYS_INFERRED]);
      const other = `users/${ctx.fx.user('main', 'ravi').sub}/note.txt`;
      await ctx.expect.error(
        'PutObject(other)',
        writeObject(ctx, credentials, 'data', other, 'by dana'),
        s3Denied(sessionArn(ctx, 'abac', ENHANCED_SESSION), 's3:PutObject', objectArn(ctx, 'data', other), noPolicyAllows('identity-based', 's3:PutObject')),
        [CG_AFAC_EXAMPLE, S3_ACCESS_DENIED],
      );
    },
  },
  {
    id: 'attributes/claim-tag-decides-s3',
    title: "With team ← custom:team dana's session is tagged team = blue: she reads teams/blue/, and teams/red/ is AccessDenied 403",
    citations: [CG_AFAC, CG_AFAC_EXAMPLE, CI_SET_PRINCIPAL_TAGS, S3_ACCESS_DENIED],
    matrix: [cell(CUSTOM, 's3:GetObject', 'teams/<own team>/*', 'allow', 'GetObject(teams/blue/)'), cell(CUSTOM, 's3:GetObject', 'teams/<another team>/*', 'deny', 'GetObject(teams/red/)')],
    async run(ctx) {
      const { call } = await enhancedThrough(ctx, 'dana', 'custom');
      const { credentials } = await ctx.expect.succeeds('GetCredentialsForIdentity', call, CG_AFAC);
      await readsAllowed(ctx, credentials, 'teams/blue/roster.txt', 'GetObject(teams/blue/)', CG_AFAC_EXAMPLE);
      await readsDenied(ctx, credentials, sessionArn(ctx, 'abac', ENHANCED_SESSION), 'teams/red/roster.txt', 'GetObject(teams/red/)', [CG_AFAC_EXAMPLE, S3_ACCESS_DENIED]);
    },
  },
  {
    id: 'attributes/trust-needs-tag-session',
    title: 'A pool mapping principal tags to a role whose trust lacks sts:TagSession gives no credentials: InvalidIdentityPoolConfigurationException',
    citations: [CG_AFAC, CI_GET_CREDENTIALS, TAG_SESSION_REFUSAL_INFERRED],
    async run(ctx) {
      const { call } = await enhancedThrough(ctx, 'dana', 'strict');
      await ctx.expect.error(
        'GetCredentialsForIdentity',
        call,
        { name: 'InvalidIdentityPoolConfigurationException', message: 'Invalid identity pool configuration. Check assigned IAM roles for this pool.' },
        [cite(CG_AFAC, 'the trust must allow sts:TagSession'), cite(CI_GET_CREDENTIALS, 'InvalidIdentityPoolConfigurationException "if the AssumeRole fails"'), TAG_SESSION_REFUSAL_INFERRED],
      );
    },
  },
];
