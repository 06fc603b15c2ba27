import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { ResourceKind, ResourceRef } from '../resource-kind';

export type CallerKind = 'iam-user' | 'root' | 'assumed-role' | 'federated-user' | 'unknown';

/**
 * What kind of principal an ARN names (IAM-UG "IAM identifiers"): which STS
 * calls it may make differs — GetFederationToken and GetSessionToken need
 * long-term keys of an IAM user (or root, capped at one hour), and a role
 * session assuming a role is role chaining, capped at one hour.
 */
export function callerKind(arn: string): CallerKind {
  if (/^arn:aws[\w-]*:iam::\d{12}:root$/.test(arn)) return 'root';
  if (/^arn:aws[\w-]*:iam::\d{12}:user\//.test(arn)) return 'iam-user';
  if (/^arn:aws[\w-]*:sts::\d{12}:assumed-role\//.test(arn)) return 'assumed-role';
  if (/^arn:aws[\w-]*:sts::\d{12}:federated-user\//.test(arn)) return 'federated-user';
  return 'unknown';
}

/** Who the harness signs as, and in which account: IAM resources need it for their ARNs, trust documents may name it. */
export interface Caller {
  arn: string;
  accountId: string;
  /** `aws`, `aws-cn`, `aws-us-gov`: from the caller's ARN. */
  partition: string;
  kind: CallerKind;
}

/** What IAM resources name to learn the account they are made in. */
export const CALLER: ResourceRef = { kind: 'caller', key: 'caller' };

/**
 * STS GetCallerIdentity, asked once per fixture and only when an IAM resource
 * needs it: a user-pool-only target (cognito-local) has no STS.
 */
export const callerIdentityKind: ResourceKind<unknown, undefined, Caller> = {
  kind: 'caller',
  noun: 'caller identity',
  implicit: true,
  declared: () => [],
  async create(_declared, ctx) {
    const who = await ctx.step('caller identity', () => ctx.clients.sts.send(new GetCallerIdentityCommand({})));
    const arn = who.Arn ?? '';
    return { arn, accountId: who.Account ?? '', partition: /^arn:([\w-]+):/.exec(arn)?.[1] ?? 'aws', kind: callerKind(arn) };
  },
  // Who recorded a golden must not show in it (on AWS a CI role session's name often carries a build id).
  names: (_key, caller) => (caller.arn ? [{ logical: 'caller', value: caller.arn }] : []),
};
