import { AwsServiceError } from '../errors';
import { createState } from '../state';
import { ManualClock } from '../clock';
import type { RequestContext } from '../service';
import { evaluatePolicy } from '../policy/evaluate';
import { createRole, getRole, updateRole } from './role-ops';
import { putRolePolicy } from './role-policy-ops';
import { rolePermissionPolicies } from './role-permission-policies';
import { tagRole } from './role-tag-ops';
import { roleByArn, roleByName } from './state';

const ACCT = '123456789012';

function context(): RequestContext {
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const state = createState({ accountId: ACCT, region: 'us-east-1', clock, mutants: new Set() });
  return { state, requestId: 'r', service: 'iam', operation: 'test', region: 'us-east-1', now: clock.now() };
}

const trust = (principal: object = { Service: 'lambda.amazonaws.com' }) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }] });

function failure(fn: () => unknown): { code: string; status: number; message: string } {
  try {
    fn();
  } catch (err) {
    if (!(err instanceof AwsServiceError)) throw err;
    return { code: err.code, status: err.status, message: err.message };
  }
  throw new Error('expected an AWS error');
}

const coral = (n: number, ...parts: string[]) => `${n} validation error${n === 1 ? '' : 's'} detected: ${parts.join('; ')}`;

describe('CreateRole input validation', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['missing RoleName', { AssumeRolePolicyDocument: trust() }, coral(1, "Value null at 'roleName' failed to satisfy constraint: Member must not be null")],
    [
      'RoleName with a space',
      { RoleName: 'my role', AssumeRolePolicyDocument: trust() },
      coral(1, "Value 'my role' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+"),
    ],
    [
      'missing trust policy',
      { RoleName: 'r' },
      coral(1, "Value null at 'assumeRolePolicyDocument' failed to satisfy constraint: Member must not be null"),
    ],
    [
      'Path without the closing slash',
      { RoleName: 'r', Path: '/app', AssumeRolePolicyDocument: trust() },
      coral(1, "Value '/app' at 'path' failed to satisfy constraint: Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)"),
    ],
    [
      'several members at once, in the order of the request shape',
      { Path: 'app', AssumeRolePolicyDocument: trust(), MaxSessionDuration: '60' },
      coral(
        3,
        "Value 'app' at 'path' failed to satisfy constraint: Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)",
        "Value null at 'roleName' failed to satisfy constraint: Member must not be null",
        "Value '60' at 'maxSessionDuration' failed to satisfy constraint: Member must have value greater than or equal to 3600",
      ),
    ],
    [
      'a tag key with a character outside the tag alphabet',
      { RoleName: 'r', AssumeRolePolicyDocument: trust(), Tags: [{ Key: 'a#b', Value: 'v' }] },
      coral(1, "Value 'a#b' at 'tags.1.member.key' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+"),
    ],
  ])('%s', (_label, input, message) => {
    expect(failure(() => createRole(input, context()))).toEqual({ code: 'ValidationError', status: 400, message });
  });

  it('refuses duplicate tag keys, compared case-insensitively: InvalidInput 400', () => {
    const input = { RoleName: 'r', AssumeRolePolicyDocument: trust(), Tags: [{ Key: 'Env', Value: 'a' }, { Key: 'env', Value: 'b' }] };
    expect(failure(() => createRole(input, context()))).toEqual({
      code: 'InvalidInput',
      status: 400,
      message: 'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
    });
  });

  it('refuses a trust policy over 2048 characters, not counting white space: LimitExceeded 409', () => {
    const statement = { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' };
    const big = JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: 40 }, (_, i) => ({ ...statement, Sid: `S${i}` })) });
    expect(big.length).toBeGreaterThan(2048);
    expect(failure(() => createRole({ RoleName: 'r', AssumeRolePolicyDocument: big }, context()))).toEqual({
      code: 'LimitExceeded',
      status: 409,
      message: 'Cannot exceed quota for ACLSizePerRole: 2048',
    });
    const padded = trust().replace(/":/g, `":${' '.repeat(500)}`);
    expect(padded.length).toBeGreaterThan(2048);
    expect(() => createRole({ RoleName: 'r', AssumeRolePolicyDocument: padded }, context())).not.toThrow();
  });

  it('refuses a trust policy naming a role of this account that does not exist', () => {
    const ctx = context();
    const arn = `arn:aws:iam::${ACCT}:role/Missing`;
    expect(failure(() => createRole({ RoleName: 'r', AssumeRolePolicyDocument: trust({ AWS: arn }) }, ctx))).toEqual({
      code: 'MalformedPolicyDocument',
      status: 400,
      message: `Invalid principal in policy: "AWS":"${arn}"`,
    });
    createRole({ RoleName: 'Missing', AssumeRolePolicyDocument: trust() }, ctx);
    expect(() => createRole({ RoleName: 'r', AssumeRolePolicyDocument: trust({ AWS: arn }) }, ctx)).not.toThrow();
  });

  it('stores the parsed trust policy, which evaluatePolicy can use', () => {
    const ctx = context();
    createRole({ RoleName: 'Fn', Path: '/svc/', AssumeRolePolicyDocument: trust() }, ctx);
    const role = roleByArn(ctx.state.iam, `arn:aws:iam::${ACCT}:role/svc/Fn`)!;
    expect(roleByName(ctx.state.iam, 'fn')).toBe(role);
    expect(evaluatePolicy(role.trustPolicy, { action: 'sts:AssumeRole', principal: { Service: 'lambda.amazonaws.com' }, context: {} })).toBe('Allow');
    expect(evaluatePolicy(role.trustPolicy, { action: 'sts:AssumeRole', principal: { Service: 'ec2.amazonaws.com' }, context: {} })).toBe(
      'ImplicitDeny',
    );
  });
});

describe('other role operations', () => {
  it('GetRole of an unknown role: NoSuchEntity 404', () => {
    expect(failure(() => getRole({ RoleName: 'nobody' }, context()))).toEqual({
      code: 'NoSuchEntity',
      status: 404,
      message: 'The role with name nobody cannot be found.',
    });
  });

  it('UpdateRole validates MaxSessionDuration before looking the role up', () => {
    expect(failure(() => updateRole({ RoleName: 'nobody', MaxSessionDuration: '50000' }, context()))).toEqual({
      code: 'ValidationError',
      status: 400,
      message: coral(1, "Value '50000' at 'maxSessionDuration' failed to satisfy constraint: Member must have value less than or equal to 43200"),
    });
  });

  it('inline policies of a role may not exceed 10240 characters together: LimitExceeded 409', () => {
    const ctx = context();
    createRole({ RoleName: 'r', AssumeRolePolicyDocument: trust() }, ctx);
    const resources = Array.from({ length: 200 }, (_, i) => `arn:aws:s3:::bucket-${String(i).padStart(3, '0')}/*`);
    const doc = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: resources }] });
    expect(doc.length).toBeGreaterThan(5120);
    expect(doc.length).toBeLessThan(10240);
    putRolePolicy({ RoleName: 'r', PolicyName: 'one', PolicyDocument: doc }, ctx);
    putRolePolicy({ RoleName: 'r', PolicyName: 'one', PolicyDocument: doc }, ctx); // replacing does not count twice
    expect(failure(() => putRolePolicy({ RoleName: 'r', PolicyName: 'two', PolicyDocument: doc }, ctx))).toEqual({
      code: 'LimitExceeded',
      status: 409,
      message: 'Maximum policy size of 10240 bytes exceeded for role r',
    });
    expect(rolePermissionPolicies(roleByName(ctx.state.iam, 'r')!)).toHaveLength(1);
  });

  it('a role holds at most 50 tags: LimitExceeded 409', () => {
    const ctx = context();
    const tags = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ Key: `k${from + i}`, Value: 'v' }));
    createRole({ RoleName: 'r', AssumeRolePolicyDocument: trust(), Tags: tags(0, 30) }, ctx);
    tagRole({ RoleName: 'r', Tags: tags(0, 10) }, ctx); // existing keys are replaced, not added
    expect(failure(() => tagRole({ RoleName: 'r', Tags: tags(30, 21) }, ctx))).toEqual({
      code: 'LimitExceeded',
      status: 409,
      message: 'Cannot exceed quota for TagsPerRole: 50',
    });
    tagRole({ RoleName: 'r', Tags: tags(30, 20) }, ctx);
    expect(roleByName(ctx.state.iam, 'r')!.tags).toHaveLength(50);
  });
});
