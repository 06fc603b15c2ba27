import type { MutantName } from '../mutants';
import { parseIdentityPolicy, parsePolicy, type PolicyDocument } from '../policy/evaluate';
import { principalContext } from '../policy/principal-context';
import type { Principal } from '../principal';
import { decideS3Access, s3AccessDeniedMessage, type S3AccessRequest } from './authorize-s3';

// The evaluation of one S3 request from its parts, and what each S3 mutant
// changes. Rules: IAM-UG "Policy evaluation logic", "Session policies",
// "IAM policy elements: Variables and tags"; messages: S3 User Guide
// "Troubleshoot access denied (403 Forbidden) errors".
const NOW = new Date(Date.UTC(2026, 0, 1));
const alice: Principal = { kind: 'user', accountId: '123456789012', arn: 'arn:aws:iam::123456789012:user/alice', userId: 'AIDAEXAMPLEALICE00001', userName: 'alice' };
const session: Principal = {
  kind: 'assumed-role',
  accountId: '123456789012',
  arn: 'arn:aws:sts::123456789012:assumed-role/app/s1',
  userId: 'AROAEXAMPLEAPPROLE001:s1',
  roleArn: 'arn:aws:iam::123456789012:role/app',
  roleId: 'AROAEXAMPLEAPPROLE001',
  roleName: 'app',
  sessionName: 's1',
};

const identity = (statement: object): PolicyDocument => parseIdentityPolicy(JSON.stringify({ Version: '2012-10-17', Statement: [statement] }));
const bucketPolicy = (statement: object): PolicyDocument => parsePolicy(JSON.stringify({ Version: '2012-10-17', Statement: [statement] }));
const request = (caller: Principal | undefined, action: string, key: string): S3AccessRequest => ({
  action,
  resource: `arn:aws:s3:::docs/${key}`,
  context: caller ? principalContext(caller, NOW) : {},
});
const decide = (caller: Principal | undefined, policies: { identity?: PolicyDocument[]; session?: PolicyDocument; bucket?: PolicyDocument }, req: S3AccessRequest, mutants: MutantName[] = []) =>
  decideS3Access(
    { caller, policies: caller && { identity: policies.identity ?? [], session: policies.session }, bucketPolicy: policies.bucket, mutants: new Set(mutants) },
    req,
  );

describe('policy variables', () => {
  const home = identity({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::docs/home/${aws:username}/*' });

  test('${aws:username} is the IAM user\'s name: alice reads home/alice/, not home/bob/', () => {
    expect(decide(alice, { identity: [home] }, request(alice, 's3:GetObject', 'home/alice/a')).decision).toBe('Allow');
    expect(decide(alice, { identity: [home] }, request(alice, 's3:GetObject', 'home/bob/a'))).toEqual({ decision: 'ImplicitDeny', deniedBy: 'identity-based' });
  });

  test('a role session has no aws:username: the statement matches nothing ("If AWS cannot resolve a variable…")', () => {
    expect(decide(session, { identity: [home] }, request(session, 's3:GetObject', 'home/app/a')).decision).toBe('ImplicitDeny');
  });

  test('mutant s3-policy-variables-literal: the variable stays text, so alice loses her home and the literal path matches', () => {
    const mutants: MutantName[] = ['s3-policy-variables-literal'];
    expect(decide(alice, { identity: [home] }, request(alice, 's3:GetObject', 'home/alice/a'), mutants).decision).toBe('ImplicitDeny');
    expect(decide(alice, { identity: [home] }, request(alice, 's3:GetObject', 'home/${aws:username}/a'), mutants).decision).toBe('Allow');
  });
});

describe('explicit deny', () => {
  const allowAll = identity({ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::docs/*' });
  const denyInBucket = bucketPolicy({ Effect: 'Deny', Principal: '*', Action: 's3:DeleteObject', Resource: 'arn:aws:s3:::docs/*' });
  const denyInIdentity = identity({ Effect: 'Deny', Action: 's3:DeleteObject', Resource: 'arn:aws:s3:::docs/*' });

  test('a bucket-policy Deny beats the identity Allow, and the message says where it was', () => {
    const req = request(session, 's3:DeleteObject', 'k');
    const outcome = decide(session, { identity: [allowAll], bucket: denyInBucket }, req);
    expect(outcome).toEqual({ decision: 'ExplicitDeny', deniedBy: 'resource-based' });
    expect(s3AccessDeniedMessage(session, req, outcome)).toBe(
      'User: arn:aws:sts::123456789012:assumed-role/app/s1 is not authorized to perform: s3:DeleteObject on resource: "arn:aws:s3:::docs/k" with an explicit deny in a resource-based policy',
    );
  });

  test('an identity Deny beats a bucket-policy Allow naming the session', () => {
    const grant = bucketPolicy({ Effect: 'Allow', Principal: { AWS: session.arn }, Action: 's3:DeleteObject', Resource: 'arn:aws:s3:::docs/*' });
    expect(decide(session, { identity: [allowAll, denyInIdentity], bucket: grant }, request(session, 's3:DeleteObject', 'k'))).toEqual({
      decision: 'ExplicitDeny',
      deniedBy: 'identity-based',
    });
  });

  test('mutant s3-explicit-deny-ignored: both denials become allows', () => {
    const mutants: MutantName[] = ['s3-explicit-deny-ignored'];
    expect(decide(session, { identity: [allowAll], bucket: denyInBucket }, request(session, 's3:DeleteObject', 'k'), mutants).decision).toBe('Allow');
    expect(decide(session, { identity: [allowAll, denyInIdentity] }, request(session, 's3:DeleteObject', 'k'), mutants).decision).toBe('Allow');
  });
});

describe('resource-based grants', () => {
  const read = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::docs/*' };
  const narrow = identity({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' });

  test('naming the session grants past the session policy; naming the role does not', () => {
    const req = request(session, 's3:GetObject', 'k');
    expect(decide(session, { session: narrow, bucket: bucketPolicy({ ...read, Principal: { AWS: session.arn } }) }, req).decision).toBe('Allow');
    const byRole = decide(session, { session: narrow, bucket: bucketPolicy({ ...read, Principal: { AWS: session.roleArn } }) }, req);
    expect(byRole).toEqual({ decision: 'ImplicitDeny', deniedBy: 'session' });
    expect(s3AccessDeniedMessage(session, req, byRole)).toBe(
      'User: arn:aws:sts::123456789012:assumed-role/app/s1 is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::docs/k" because no session policy allows the s3:GetObject action',
    );
  });

  test('an anonymous caller is allowed only by "*", and told "Access Denied" otherwise', () => {
    const req = request(undefined, 's3:GetObject', 'k');
    expect(decide(undefined, { bucket: bucketPolicy({ ...read, Principal: '*' }) }, req).decision).toBe('Allow');
    const byAccount = decide(undefined, { bucket: bucketPolicy({ ...read, Principal: { AWS: '123456789012' } }) }, req);
    expect(byAccount.decision).toBe('ImplicitDeny');
    expect(s3AccessDeniedMessage(undefined, req, byAccount)).toBe('Access Denied');
  });
});
