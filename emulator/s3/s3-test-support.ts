// Helpers for this directory's SDK tests: a started emulator with the Cognito,
// IAM and STS clients of cognito-identity/sdk-test-support, an S3 client as the
// bootstrap administrator, S3 clients for any credentials, and role sessions
// made with AssumeRole. Not a test file itself.
import { PutRolePolicyCommand, TagRoleCommand } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, type Tag } from '@aws-sdk/client-sts';
import { startWorld, type World } from '../cognito-identity/sdk-test-support';

export type Creds = { AccessKeyId?: string; SecretAccessKey?: string; SecretKey?: string; SessionToken?: string };

export interface S3World extends World {
  /** S3 as the bootstrap administrator, path-style against the emulator. */
  s3: S3Client;
  /** S3 for credentials an earlier call answered (STS's SecretAccessKey or Cognito's SecretKey). */
  s3As(creds: Creds, region?: string): S3Client;
  /**
   * A role the administrator may assume (with session tags and a source
   * identity), holding these inline policies and tags; returns its ARN.
   */
  roleWith(name: string, policies: unknown[], tags?: Record<string, string>): Promise<string>;
  /** AssumeRole as the administrator; answers the session's credentials and ARN. */
  assume(roleArn: string, opts?: { policy?: unknown; tags?: Tag[]; sourceIdentity?: string; sessionName?: string }): Promise<{ creds: Creds; arn: string }>;
}

/** The trust policy of roleWith's roles: the account may assume them, tag the session and set a source identity. */
export function accountTrust(accountId: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'] },
    ],
  });
}

export async function startS3World(mutants: string[] = []): Promise<S3World> {
  const world = await startWorld(mutants);
  const clients: S3Client[] = [];
  const s3For = (credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }, region = world.emu.region) => {
    // The emulator runs on a manual clock and checks the 15-minute signature window;
    // with one attempt the SDK cannot correct its skew from a refusal, so it signs with the emulator's time.
    const systemClockOffset = world.clock.now().getTime() - Date.now();
    const client = new S3Client({ endpoint: world.emu.url, region, forcePathStyle: true, maxAttempts: 1, credentials, systemClockOffset });
    clients.push(client);
    return client;
  };
  const s3 = s3For(world.emu.credentials);
  const stop = world.stop;
  return Object.assign(world, {
    s3,
    s3As: (c: Creds, region?: string) => s3For({ accessKeyId: c.AccessKeyId!, secretAccessKey: (c.SecretAccessKey ?? c.SecretKey)!, sessionToken: c.SessionToken }, region),
    async roleWith(name: string, policies: unknown[], tags: Record<string, string> = {}) {
      const { arn } = await world.role(name, accountTrust(world.emu.accountId));
      for (const [i, policy] of policies.entries()) {
        await world.iam.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: `p${i}`, PolicyDocument: JSON.stringify(policy) }));
      }
      const tagList = Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
      if (tagList.length > 0) await world.iam.send(new TagRoleCommand({ RoleName: name, Tags: tagList }));
      return arn;
    },
    async assume(roleArn: string, opts: { policy?: unknown; tags?: Tag[]; sourceIdentity?: string; sessionName?: string } = {}) {
      const out = await world.sts.send(
        new AssumeRoleCommand({
          RoleArn: roleArn,
          RoleSessionName: opts.sessionName ?? 'test-session',
          Policy: opts.policy === undefined ? undefined : JSON.stringify(opts.policy),
          Tags: opts.tags,
          SourceIdentity: opts.sourceIdentity,
        }),
      );
      return { creds: out.Credentials!, arn: out.AssumedRoleUser!.Arn! };
    },
    async stop() {
      for (const c of clients) c.destroy();
      await stop();
    },
  });
}

/** An identity policy of one Allow statement. */
export function allow(action: string | string[], resource: string | string[], condition?: unknown): unknown {
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: resource, ...(condition ? { Condition: condition } : {}) }] };
}

/** The S3 error a promise rejects with: the SDK's name, S3's Code, the HTTP status and message; fails when it resolves. */
export async function s3Rejection(promise: Promise<unknown>): Promise<{ name: string; code?: string; status?: number; message: string }> {
  try {
    await promise;
  } catch (err) {
    const e = err as Error & { Code?: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, code: e.Code, status: e.$metadata?.httpStatusCode, message: e.message };
  }
  throw new Error('expected the S3 call to be refused; it succeeded');
}
