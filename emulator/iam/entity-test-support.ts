import { CreatePolicyCommand, CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { startEmulator, type StartedEmulator } from '../index';

/** What a failed SDK call looked like on the wire: error code, HTTP status, message. */
export async function failure(promise: Promise<unknown>): Promise<{ code: string; status?: number; message: string }> {
  try {
    await promise;
  } catch (err) {
    const e = err as { name: string; message: string; Error?: { Code?: string }; $metadata?: { httpStatusCode?: number } };
    return { code: e.Error?.Code ?? e.name, status: e.$metadata?.httpStatusCode, message: e.message };
  }
  throw new Error('expected the call to fail');
}

export const allow = (actions: string | string[], resource: string | string[] = '*', condition?: object) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: actions, Resource: resource, ...(condition ? { Condition: condition } : {}) }],
});

type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

/** An emulator with admin clients, and helpers to make roles and sign as their sessions. */
export async function entityWorld() {
  const emu: StartedEmulator = await startEmulator();
  const config = (credentials: Creds) => ({ endpoint: emu.url, region: emu.region, credentials, maxAttempts: 1 });
  const iam = new IAMClient(config(emu.credentials));
  const sts = new STSClient(config(emu.credentials));
  const clients: { destroy(): void }[] = [iam, sts];
  const track = <C extends { destroy(): void }>(c: C) => (clients.push(c), c);
  const admin = (await sts.send(new GetCallerIdentityCommand({}))).Arn!;
  const account = admin.split(':')[4];
  const trustAdmin = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: admin }, Action: 'sts:AssumeRole' }] });

  return {
    emu,
    iam,
    sts,
    account,
    adminArn: admin,
    iamAs: (c: Creds) => track(new IAMClient(config(c))),
    stsAs: (c: Creds) => track(new STSClient(config(c))),
    async policy(name: string, document: object): Promise<string> {
      return (await iam.send(new CreatePolicyCommand({ PolicyName: name, PolicyDocument: JSON.stringify(document) }))).Policy!.Arn!;
    },
    /** A role trusting the admin, with one inline policy (if any) and a boundary (if any). */
    async role(name: string, opts: { policy?: object; boundary?: string; trust?: string } = {}): Promise<string> {
      const created = await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: opts.trust ?? trustAdmin, PermissionsBoundary: opts.boundary }));
      if (opts.policy) await iam.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: 'p', PolicyDocument: JSON.stringify(opts.policy) }));
      return created.Role!.Arn!;
    },
    async session(roleArn: string, name = 'test', from: STSClient = sts): Promise<Creds> {
      const out = await from.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: name }));
      return { accessKeyId: out.Credentials!.AccessKeyId!, secretAccessKey: out.Credentials!.SecretAccessKey!, sessionToken: out.Credentials!.SessionToken };
    },
    async stop() {
      for (const c of clients) c.destroy();
      await emu.stop();
    },
  };
}

export type EntityWorld = Awaited<ReturnType<typeof entityWorld>>;
