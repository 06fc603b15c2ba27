// The two S3 authorization mutants, end to end: the same requests through the
// SDK against an emulator started with and without each, so the difference is
// what the mutant breaks (emulator/mutants.ts).
import { GetRoleCommand } from '@aws-sdk/client-iam';
import { CreateBucketCommand, GetObjectCommand, PutBucketPolicyCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { allow, startS3World, type S3World } from './s3-test-support';

const bucket = 'idchain-mutants';

/** Outcome of: a session reading under ${aws:userid}/, and reading a key the bucket policy denies. */
async function outcomes(mutants: string[]): Promise<{ ownPrefix: string; deniedByBucket: string }> {
  const world: S3World = await startS3World(mutants);
  try {
    await world.s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const role = await world.roleWith('idchain-mutant-role', [allow('s3:GetObject', [`arn:aws:s3:::${bucket}/\${aws:userid}/*`, `arn:aws:s3:::${bucket}/locked/*`])]);
    const roleId = (await world.iam.send(new GetRoleCommand({ RoleName: 'idchain-mutant-role' }))).Role!.RoleId!;
    for (const key of [`${roleId}:s1/mine`, 'locked/secret']) await world.s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: key }));
    const deny = { Effect: 'Deny', Principal: { AWS: role }, Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/locked/*` };
    await world.s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify({ Version: '2012-10-17', Statement: [deny] }) }));
    const s3 = world.s3As((await world.assume(role, { sessionName: 's1' })).creds);
    const read = (key: string) =>
      s3.send(new GetObjectCommand({ Bucket: bucket, Key: key })).then(
        () => 'allowed',
        (e: { Code?: string }) => e.Code ?? 'error',
      );
    return { ownPrefix: await read(`${roleId}:s1/mine`), deniedByBucket: await read('locked/secret') };
  } finally {
    await world.stop();
  }
}

test('without mutants: the session reads under its own user id, and the bucket policy Deny holds', async () => {
  expect(await outcomes([])).toEqual({ ownPrefix: 'allowed', deniedByBucket: 'AccessDenied' });
});

test('s3-policy-variables-literal: ${aws:userid} is no longer substituted, so the own prefix is denied', async () => {
  expect(await outcomes(['s3-policy-variables-literal'])).toEqual({ ownPrefix: 'AccessDenied', deniedByBucket: 'AccessDenied' });
});

test('s3-explicit-deny-ignored: the bucket policy Deny no longer holds', async () => {
  expect(await outcomes(['s3-explicit-deny-ignored'])).toEqual({ ownPrefix: 'allowed', deniedByBucket: 'allowed' });
});
