import { CreateRoleCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { CreateUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { referenceTarget } from '../harness';
import { createClients } from '../harness/clients/factory';
import { reclaim } from '../harness/provisioning/reclaim';
import type { ReclaimTarget } from '../harness/provisioning/reclaim';

// Teardown knows each resource's id from the ledger and deletes it without
// asking first whether it is there: the delete's own "not found" answer
// (IAM NoSuchEntity, Cognito ResourceNotFoundException, S3 NoSuchBucket) is
// what `already gone` rests on, and the target is still asked afterwards
// before anything is reported `deleted`.

const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
const POLICY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });

test('a ledgered resource with a known id: deleted once, already gone the second time (role, user pool, bucket)', async () => {
  const target = await referenceTarget().start({});
  const clients = createClients(target);
  try {
    await clients.iam.send(new CreateRoleCommand({ RoleName: 'idchain-0000beef-fx-r', AssumeRolePolicyDocument: TRUST }));
    // An inline policy: IAM refuses DeleteRole while one is attached (IAM-API DeleteRole), so the delete must remove it first.
    await clients.iam.send(new PutRolePolicyCommand({ RoleName: 'idchain-0000beef-fx-r', PolicyName: 'p', PolicyDocument: POLICY }));
    const pool = await clients.idp.send(new CreateUserPoolCommand({ PoolName: 'idchain-0000beef-fx-pool' }));
    await clients.s3.send(new CreateBucketCommand({ Bucket: 'idchain-0000beef-fx-b' }));
    await clients.s3.send(new PutObjectCommand({ Bucket: 'idchain-0000beef-fx-b', Key: 'k', Body: 'x' }));

    const items: ReclaimTarget[] = [
      { kind: 'iam-role', name: 'idchain-0000beef-fx-r', id: 'idchain-0000beef-fx-r' },
      { kind: 'user-pool', name: 'idchain-0000beef-fx-pool', id: pool.UserPool!.Id! },
      { kind: 's3-bucket', name: 'idchain-0000beef-fx-b', id: 'idchain-0000beef-fx-b' },
    ];
    const first = await Promise.all(items.map((item) => reclaim(clients, item)));
    expect(first.map((r) => [r.kind, r.status, r.ids])).toEqual([
      ['iam-role', 'deleted', ['idchain-0000beef-fx-r']],
      ['user-pool', 'deleted', [pool.UserPool!.Id!]],
      ['s3-bucket', 'deleted', ['idchain-0000beef-fx-b']],
    ]);
    const second = await Promise.all(items.map((item) => reclaim(clients, item)));
    expect(second.map((r) => [r.kind, r.status, r.ids])).toEqual([
      ['iam-role', 'already gone', []],
      ['user-pool', 'already gone', []],
      ['s3-bucket', 'already gone', []],
    ]);
    // A dry run still asks before it says anything: nothing is there, so nothing would be deleted.
    expect((await reclaim(clients, items[0]!, { dryRun: true })).status).toBe('already gone');
  } finally {
    clients.destroy();
    await target.stop();
  }
});
