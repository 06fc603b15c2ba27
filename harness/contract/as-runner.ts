import { AttachRolePolicyCommand, CreatePolicyCommand, CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { UsageError } from '../errors';
import type { PolicyDocument } from '../provisioning/policies';
import type { StartedTarget } from '../targets/target';
import { CI_DEFAULTS, ciNames, ciPolicy, type CiPlaceholders } from './ci-policies';

/** The session name the nightly workflow gives the runner's session (role-session-name idchain-nightly-<run id>). */
export const RUNNER_SESSION_NAME = 'idchain-nightly-local';

export interface RunnerOptions {
  /** The runner's permission policy; ci/aws/runner-policy.json, placeholders filled, by default. */
  runnerPolicy?: PolicyDocument;
  /** The boundary; ci/aws/boundary-policy.json by default. */
  boundaryPolicy?: PolicyDocument;
  /** The CiName stem (default ci-idchain); tests that set up several runners in one emulator give each its own. */
  ciName?: string;
}

export interface Runner {
  /** The same emulator, signing as a session of the runner role. */
  target: StartedTarget;
  /** The boundary every role and user the run creates must carry. */
  permissionsBoundary: string;
  roleArn: string;
  sessionArn: string;
}

/**
 * Set up on the reference emulator what ci/aws/bootstrap.yaml sets up in a
 * sandbox account — the boundary and the runner policy as managed policies,
 * the runner role with the policy attached — and sign in as a session of that
 * role, as CI does. The trust names the emulator's administrator in place of
 * GitHub's OIDC provider: what the run may do is the runner policy's to say
 * either way. Everything else the run does is then authorized by the
 * emulator's IAM exactly as for CI, so a passing run proves the policy
 * sufficient.
 */
export async function startAsRunner(admin: StartedTarget, options: RunnerOptions = {}): Promise<Runner> {
  if (admin.kind !== 'emulator' || !admin.endpoint) {
    throw new UsageError(`--as-runner needs the reference emulator, which it sets the runner role up in; target ${admin.name} is not one. On AWS, ci/aws/bootstrap.yaml creates the runner role and CI assumes it.`);
  }
  const config = { region: admin.region, endpoint: admin.endpoint, credentials: admin.credentials, maxAttempts: 1 };
  const iam = new IAMClient(config);
  const sts = new STSClient(config);
  try {
    const who = await sts.send(new GetCallerIdentityCommand({}));
    const values: CiPlaceholders = { partition: /^arn:([\w-]+):/.exec(who.Arn ?? '')?.[1] ?? 'aws', accountId: who.Account ?? '', region: admin.region, prefix: CI_DEFAULTS.prefix, ciName: options.ciName ?? CI_DEFAULTS.ciName };
    const names = ciNames(values);
    const policy = async (name: string, document: PolicyDocument) =>
      (await iam.send(new CreatePolicyCommand({ PolicyName: name, PolicyDocument: JSON.stringify(document) }))).Policy!.Arn!;
    const boundaryArn = await policy(names.boundaryName, options.boundaryPolicy ?? ciPolicy('boundary-policy.json', values));
    const runnerPolicyArn = await policy(names.runnerPolicyName, options.runnerPolicy ?? ciPolicy('runner-policy.json', values));
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: who.Arn }, Action: 'sts:AssumeRole' }] };
    const role = await iam.send(new CreateRoleCommand({ RoleName: names.roleName, AssumeRolePolicyDocument: JSON.stringify(trust), MaxSessionDuration: 3600 }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: names.roleName, PolicyArn: runnerPolicyArn }));
    const session = await sts.send(new AssumeRoleCommand({ RoleArn: role.Role!.Arn, RoleSessionName: RUNNER_SESSION_NAME }));
    const c = session.Credentials!;
    return {
      target: { ...admin, credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken, expiration: c.Expiration } },
      permissionsBoundary: boundaryArn,
      roleArn: role.Role!.Arn!,
      sessionArn: session.AssumedRoleUser!.Arn!,
    };
  } finally {
    iam.destroy();
    sts.destroy();
  }
}
