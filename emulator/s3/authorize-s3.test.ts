import { authorize, type AuthzDecision } from '../authz/authorize';
import { ManualClock } from '../clock';
import type { MutantName } from '../mutants';
import { parseIdentityPolicy, parsePolicy, type PolicyDocument } from '../policy/evaluate';
import type { Principal } from '../principal';
import { createState } from '../state';
import { decideS3Access, s3AccessDeniedMessage, s3PolicyView } from './authorize-s3';

// The evaluation of one S3 request from its parts — the caller's identity-based
// decision from authorize.ts, joined with the bucket policy — and what each S3
// mutant changes. Rules: IAM-UG "Policy evaluation logic", "Session policies",
// "IAM policy elements: Variables and tags"; messages: S3 User Guide
// "Troubleshoot access denied (403 Forbidden) errors".
const NOW = new Date(Date.UTC(2026, 0, 1));
const alice: Principal = { kind: 'user', accountId: '123456789012', arn: 'arn:aws:iam::123456789012:user/alice', userId: 'AIDAEXAMPLEALICE00001', userName: 'alice' };
const session: Principal = {
  kind: 'assumed-role',
  accountId: '123456789012',
  arn: 'arn:aws:sts::123456789012:assumed-role/app/s1',
  userId: 'AROAEXAMPLEAPPROLE0001:s1',
  roleArn: 'arn:aws:iam::123456789012:role/app',
  roleId: 'AROAEXAMPLEAPPROLE0001',
  roleName: 'app',
  sessionName: 's1',
};
const root: Principal = { kind: 'root', accountId: '123456789012', arn: 'arn:aws:iam::123456789012:root', userId: '123456789012' };

const identity = (statement: object): PolicyDocument => parseIdentityPolicy(JSON.stringify({ Version: '2012-10-17', Statement: [statement] }));
const bucketPolicy = (statement: object): PolicyDocument => parsePolicy(JSON.stringify({ Version: '2012-10-17', Statement: [statement] }));

interface Req {
  action: string;
  resource: string;
}
const request = (_caller: Principal | undefined, action: string, key: string): Req => ({ action, resource: `arn:aws:s3:::docs/${key}` });

/**
 * Decide as the emulator does: a state in which alice holds the identity
 * policies, or role `app` holds them inline and the session carries the
 * session policy; authorize.ts evaluates them and decideS3Access joins the bucket policy.
 */
function decide(caller: Principal | undefined, policies: { identity?: PolicyDocument[]; session?: PolicyDocument; bucket?: PolicyDocument }, req: Req, mutants: MutantName[] = []): AuthzDecision {
  const state = createState({ accountId: '123456789012', region: 'us-east-1', clock: new ManualClock(NOW), mutants: new Set(mutants) });
  const docs = policies.identity ?? [];
  state.iam.users.set('alice', { userName: 'alice', userId: 'AIDAEXAMPLEALICE00001', arn: 'arn:aws:iam::123456789012:user/alice', path: '/', createDate: NOW, policies: docs });
  const inlinePolicies = new Map(docs.map((doc, i) => [`p${i}`, JSON.stringify(doc)]));
  state.iam.roles.set('app', { roleName: 'app', roleId: 'AROAEXAMPLEAPPROLE0001', arn: session.kind === 'assumed-role' ? session.roleArn : '', path: '/', assumeRolePolicyDocument: '{}', trustPolicy: { Version: '2012-10-17', Statement: [] }, maxSessionDuration: 3600, createDate: NOW, tags: [], inlinePolicies });
  const who = caller?.kind === 'assumed-role' ? { ...caller, sessionPolicy: policies.session } : caller;
  return authorize(state, who, {
    ...req,
    now: NOW,
    view: s3PolicyView(state.mutants),
    combine: (parts, evaluated) => decideS3Access(parts, evaluated, { caller: who, bucketPolicy: policies.bucket, rootOnBucketPolicy: who?.kind === 'root' && req.action.endsWith('BucketPolicy'), mutants: state.mutants }),
  });
}
const message = (caller: Principal | undefined, req: Req, outcome: AuthzDecision) => s3AccessDeniedMessage(caller, req.action, req.resource, outcome);

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
    expect(message(session, req, outcome)).toBe(
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
    expect(message(session, req, byRole)).toBe(
      'User: arn:aws:sts::123456789012:assumed-role/app/s1 is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::docs/k" because no session policy allows the s3:GetObject action',
    );
  });

  test('an anonymous caller is allowed only by "*", and told "Access Denied" otherwise', () => {
    const req = request(undefined, 's3:GetObject', 'k');
    expect(decide(undefined, { bucket: bucketPolicy({ ...read, Principal: '*' }) }, req).decision).toBe('Allow');
    const byAccount = decide(undefined, { bucket: bucketPolicy({ ...read, Principal: { AWS: '123456789012' } }) }, req);
    expect(byAccount.decision).toBe('ImplicitDeny');
    expect(message(undefined, req, byAccount)).toBe('Access Denied');
  });
});

describe('the bucket policy itself [doc: S3-API DeleteBucketPolicy: "the root principal in a bucket owner\'s AWS account can perform the GetBucketPolicy, PutBucketPolicy, and DeleteBucketPolicy API actions, even if their bucket policy explicitly denies the root principal\'s access"]', () => {
  const lockOut = bucketPolicy({ Effect: 'Deny', Principal: '*', Action: ['s3:DeleteBucketPolicy', 's3:GetObject'], Resource: ['arn:aws:s3:::docs', 'arn:aws:s3:::docs/*'] });
  const admin = identity({ Effect: 'Allow', Action: '*', Resource: '*' });
  const deletePolicy: Req = { action: 's3:DeleteBucketPolicy', resource: 'arn:aws:s3:::docs' };

  test('the root user may remove a policy that denies everyone, and is still refused what the policy denies otherwise', () => {
    expect(decide(root, { bucket: lockOut }, deletePolicy).decision).toBe('Allow');
    expect(decide(root, { bucket: lockOut }, request(root, 's3:GetObject', 'k'))).toEqual({ decision: 'ExplicitDeny', deniedBy: 'resource-based' });
  });

  test('an IAM user holding AdministratorAccess is not the root user: the explicit deny holds', () => {
    expect(decide(alice, { identity: [admin], bucket: lockOut }, deletePolicy)).toEqual({ decision: 'ExplicitDeny', deniedBy: 'resource-based' });
    expect(decide(alice, { identity: [admin] }, deletePolicy).decision).toBe('Allow');
  });
});
