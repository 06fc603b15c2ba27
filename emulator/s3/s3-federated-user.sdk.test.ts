// A federated user may do only what the IAM user that asked for it may, and
// what its session policy allows: "the resulting session's permissions are the
// intersection of the user's identity-based policy and the session policies.
// You cannot use the session policy to grant more permissions than those
// allowed by the identity-based policy of the user that is being federated"
// [doc: IAM-UG "Permissions for GetFederationToken"]. S3 is where a federated
// user's permissions show: IAM and STS (but GetCallerIdentity) refuse it
// whatever its policies say (IAM-UG "Compare AWS STS credentials").
import { CreateAccessKeyCommand, CreatePolicyCommand, CreateUserCommand, DeleteUserPolicyCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { GetFederationTokenCommand } from '@aws-sdk/client-sts';
import { allow, s3Rejection, startS3World, type S3World } from './s3-test-support';

let w: S3World;
const BUCKET = 'idchain-federated-user';
const OBJECT = `arn:aws:s3:::${BUCKET}/notes/*`;
const FEDERATE = allow('sts:GetFederationToken', '*');
const READ_NOTES = allow('s3:GetObject', OBJECT);

beforeAll(async () => {
  w = await startS3World();
  await w.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  await w.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'notes/ana.txt', Body: "ana's notes" }));
});
afterAll(() => w.stop());

/** An IAM user with these inline policies (and boundary), and its own long-term keys. */
async function broker(name: string, policies: unknown[], boundary?: string) {
  await w.iam.send(new CreateUserCommand({ UserName: name, PermissionsBoundary: boundary }));
  for (const [i, policy] of policies.entries()) await w.iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: `p${i}`, PolicyDocument: JSON.stringify(policy) }));
  const { AccessKey } = await w.iam.send(new CreateAccessKeyCommand({ UserName: name }));
  return w.stsAs({ AccessKeyId: AccessKey!.AccessKeyId, SecretAccessKey: AccessKey!.SecretAccessKey });
}

/** GetFederationToken for ana with a session policy reading notes/, as `sts`, then GetObject with her credentials. */
async function anaReads(sts: Awaited<ReturnType<typeof broker>>) {
  const { Credentials } = await sts.send(new GetFederationTokenCommand({ Name: 'ana', Policy: JSON.stringify(READ_NOTES) }));
  const answer = await w.s3As(Credentials!).send(new GetObjectCommand({ Bucket: BUCKET, Key: 'notes/ana.txt' }));
  return answer.Body!.transformToString();
}

test('a broker allowed to read notes/ hands that on: the federated user reads them', async () => {
  const sts = await broker('reader-broker', [FEDERATE, READ_NOTES]);
  expect(await anaReads(sts)).toBe("ana's notes");
});

test("a broker that may only federate cannot hand on what it does not hold: AccessDenied 403 naming the identity-based policies", async () => {
  const sts = await broker('bare-broker', [FEDERATE]);
  expect(await s3Rejection(anaReads(sts))).toEqual({
    name: 'AccessDenied',
    code: 'AccessDenied',
    status: 403,
    message: `User: arn:aws:sts::${w.emu.accountId}:federated-user/ana is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::${BUCKET}/notes/ana.txt" because no identity-based policy allows the s3:GetObject action`,
  });
});

test("the broker's permissions are read when the federated user acts, not when it was made: a policy removed since no longer holds", async () => {
  const sts = await broker('fickle-broker', [FEDERATE, READ_NOTES]);
  const { Credentials } = await sts.send(new GetFederationTokenCommand({ Name: 'ana', Policy: JSON.stringify(READ_NOTES) }));
  await w.iam.send(new DeleteUserPolicyCommand({ UserName: 'fickle-broker', PolicyName: 'p1' }));
  expect((await s3Rejection(w.s3As(Credentials!).send(new GetObjectCommand({ Bucket: BUCKET, Key: 'notes/ana.txt' })))).status).toBe(403);
});

test("the broker's permissions boundary caps the federated user too (inferred: IAM-UG \"Policy evaluation logic\" evaluates the boundary of the entity a session belongs to)", async () => {
  const { Policy } = await w.iam.send(new CreatePolicyCommand({ PolicyName: 'federate-only', PolicyDocument: JSON.stringify(FEDERATE) }));
  const sts = await broker('bounded-broker', [FEDERATE, READ_NOTES], Policy!.Arn);
  const refused = await s3Rejection(anaReads(sts));
  expect(refused.message).toMatch(/because no permissions boundary allows the s3:GetObject action$/);
});
