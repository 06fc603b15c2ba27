import { userPoolId } from '../ids';
import type { RequestContext } from '../service';
import { invalidParameter } from './idp-errors';
import { InputCheck } from './input-check';
import { requirePool } from './lookup';
import { paginate } from './paginate';
import { DEFAULT_PASSWORD_POLICY } from './password-policy';
import { PAGINATION_KEY, POOL_NAME, TAG_KEY, TAG_VALUE, USER_POOL_ID } from './shapes';
import type { PasswordPolicy, UserPool } from './state';
import { buildSchema } from './user-attributes';
import { orderRsaKeyPair } from '../rsa-key-reserve';
import { arn } from '../region';

// Settings CreateUserPool accepts that the emulator stores and echoes without acting on them.
const ECHOED = [
  'AutoVerifiedAttributes',
  'AliasAttributes',
  'UsernameAttributes',
  'SmsVerificationMessage',
  'EmailVerificationMessage',
  'EmailVerificationSubject',
  'VerificationMessageTemplate',
  'SmsAuthenticationMessage',
  'UserAttributeUpdateSettings',
  'DeviceConfiguration',
  'EmailConfiguration',
  'SmsConfiguration',
  'AdminCreateUserConfig',
  'UserPoolAddOns',
  'AccountRecoverySetting',
  'LambdaConfig',
  'UserPoolTier',
] as const;

function readPasswordPolicy(check: InputCheck, policies: Record<string, unknown> | undefined): PasswordPolicy {
  const raw = check.structure(policies?.PasswordPolicy, 'Policies.PasswordPolicy');
  if (!raw) return { ...DEFAULT_PASSWORD_POLICY };
  const at = 'Policies.PasswordPolicy';
  // [doc: UP-API PasswordPolicyType] MinimumLength 6–99, PasswordHistorySize 0–24,
  // TemporaryPasswordValidityDays 0–365. A policy sent without a requirement does not
  // require it (undocumented, as the console shows such pools).
  const policy: PasswordPolicy = {
    MinimumLength: check.integer(raw.MinimumLength, `${at}.MinimumLength`, { min: 6, max: 99 }) ?? DEFAULT_PASSWORD_POLICY.MinimumLength,
    RequireUppercase: check.boolean(raw.RequireUppercase, `${at}.RequireUppercase`) ?? false,
    RequireLowercase: check.boolean(raw.RequireLowercase, `${at}.RequireLowercase`) ?? false,
    RequireNumbers: check.boolean(raw.RequireNumbers, `${at}.RequireNumbers`) ?? false,
    RequireSymbols: check.boolean(raw.RequireSymbols, `${at}.RequireSymbols`) ?? false,
    TemporaryPasswordValidityDays:
      check.integer(raw.TemporaryPasswordValidityDays, `${at}.TemporaryPasswordValidityDays`, { min: 0, max: 365 }) ??
      DEFAULT_PASSWORD_POLICY.TemporaryPasswordValidityDays,
  };
  const history = check.integer(raw.PasswordHistorySize, `${at}.PasswordHistorySize`, { min: 0, max: 24 });
  if (history !== undefined) policy.PasswordHistorySize = history;
  return policy;
}

function readTags(check: InputCheck, raw: unknown): Record<string, string> {
  const tags = check.stringMap(raw, 'UserPoolTags') ?? {};
  check.list(Object.keys(tags), 'UserPoolTags', { max: 50 });
  for (const [key, value] of Object.entries(tags)) {
    check.string(key, 'UserPoolTags.key', TAG_KEY);
    check.string(value, 'UserPoolTags.value', TAG_VALUE);
  }
  return tags;
}

/** A pool as UP-API UserPoolType describes it. */
export function describePool(pool: UserPool): Record<string, unknown> {
  const out: Record<string, unknown> = {
    Id: pool.id,
    Name: pool.name,
    Policies: { PasswordPolicy: { ...pool.passwordPolicy }, SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD'] } },
    DeletionProtection: pool.deletionProtection,
    LambdaConfig: {},
    LastModifiedDate: pool.lastModifiedAt,
    CreationDate: pool.createdAt,
    SchemaAttributes: pool.schema.map((a) => ({ ...a })),
    VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_CODE' },
    MfaConfiguration: pool.mfaConfiguration,
    EstimatedNumberOfUsers: pool.users.size,
    UserPoolTags: { ...pool.tags },
    AdminCreateUserConfig: { AllowAdminCreateUserOnly: false, UnusedAccountValidityDays: pool.passwordPolicy.TemporaryPasswordValidityDays },
    Arn: pool.arn,
    ...pool.echoed,
  };
  if (pool.echoed.UsernameConfiguration === undefined && !pool.usernameCaseSensitive) {
    out.UsernameConfiguration = { CaseSensitive: false };
  }
  return out;
}

/** CreateUserPool [doc: UP-API CreateUserPool]. */
export function createUserPool(input: Record<string, unknown>, ctx: RequestContext): unknown {
  const check = new InputCheck();
  const name = check.string(input.PoolName, 'PoolName', POOL_NAME);
  const policies = check.structure(input.Policies, 'Policies');
  const passwordPolicy = readPasswordPolicy(check, policies);
  const schema = buildSchema(check, input.Schema);
  const tags = readTags(check, input.UserPoolTags);
  const mfa = check.enumValue(input.MfaConfiguration, 'MfaConfiguration', ['OFF', 'ON', 'OPTIONAL'] as const) ?? 'OFF';
  const deletionProtection = check.enumValue(input.DeletionProtection, 'DeletionProtection', ['ACTIVE', 'INACTIVE'] as const) ?? 'INACTIVE';
  const usernameConfig = check.structure(input.UsernameConfiguration, 'UsernameConfiguration');
  if (usernameConfig) check.present(usernameConfig.CaseSensitive, 'UsernameConfiguration.CaseSensitive');
  const caseSensitive = check.boolean(usernameConfig?.CaseSensitive, 'UsernameConfiguration.CaseSensitive');
  check.done();

  const now = ctx.now;
  const id = userPoolId(ctx.region);
  const echoed: Record<string, unknown> = {};
  for (const key of ECHOED) if (input[key] !== undefined) echoed[key] = input[key];
  if (usernameConfig) echoed.UsernameConfiguration = { CaseSensitive: caseSensitive };
  const pool: UserPool = {
    id,
    name: name!,
    arn: arn(ctx.region, 'cognito-idp', ctx.state.accountId, `userpool/${id}`),
    region: ctx.region,
    createdAt: now,
    lastModifiedAt: now,
    passwordPolicy,
    schema,
    tags,
    mfaConfiguration: mfa,
    deletionProtection,
    // [doc: UP-API UsernameConfigurationType] pools created without it keep case-sensitive usernames.
    usernameCaseSensitive: caseSensitive ?? true,
    echoed,
    clients: new Map(),
    users: new Map(),
    groups: new Map(),
    refreshTokens: new Map(),
    sessions: new Map(),
  };
  ctx.state.idp.pools.set(id, pool);
  // The pool will sign tokens soon: have its key made in the background meanwhile. Only once it
  // exists: a refused request (a fuzzer's, a hostile client's) costs no key generation.
  orderRsaKeyPair();
  return { UserPool: describePool(pool) };
}

export function describeUserPool(input: Record<string, unknown>, ctx: RequestContext): unknown {
  const check = new InputCheck();
  const id = check.string(input.UserPoolId, 'UserPoolId', USER_POOL_ID);
  check.done();
  return { UserPool: describePool(requirePool(ctx.state, id!)) };
}

export function deleteUserPool(input: Record<string, unknown>, ctx: RequestContext): unknown {
  const check = new InputCheck();
  const id = check.string(input.UserPoolId, 'UserPoolId', USER_POOL_ID);
  check.done();
  const pool = requirePool(ctx.state, id!);
  if (pool.deletionProtection === 'ACTIVE') {
    // [obs: another emulator's code quoting AWS; wording unconfirmed against a recording]
    throw invalidParameter(
      'The user pool cannot be deleted because deletion protection is activated. Deletion protection must be inactivated first.',
    );
  }
  ctx.state.idp.pools.delete(pool.id);
  return {};
}

/** ListUserPools: MaxResults is required, 1–60 [doc: UP-API ListUserPools]. */
export function listUserPools(input: Record<string, unknown>, ctx: RequestContext): unknown {
  const check = new InputCheck();
  const max = check.integer(input.MaxResults, 'MaxResults', { required: true, min: 1, max: 60 });
  const token = check.string(input.NextToken, 'NextToken', PAGINATION_KEY);
  check.done();
  const pools = [...ctx.state.idp.pools.values()].filter((p) => p.region === ctx.region);
  const { page, next } = paginate(pools, max!, token);
  return {
    UserPools: page.map((p) => ({ Id: p.id, Name: p.name, LambdaConfig: {}, LastModifiedDate: p.lastModifiedAt, CreationDate: p.createdAt })),
    ...(next ? { NextToken: next } : {}),
  };
}
