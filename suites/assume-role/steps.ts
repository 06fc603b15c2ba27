import { GetRoleCommand, ListRolePoliciesCommand } from '@aws-sdk/client-iam';
import { allowActions, assumeRole, stsArn, type CaseContext, type Credentials } from '../../harness';
import { STS_ASSUME_ROLE, cite } from '../citations';
import { BACKEND_SESSION, REPORTS_SESSION } from './fixture';

export { BACKEND_SESSION, REPORTS_SESSION };

/** `arn:<partition>:sts::<account>:assumed-role/<role name>/<session>` (IAM-UG "IAM identifiers"), the target Region's partition. */
export function assumedRoleArn(ctx: CaseContext, role: string, session: string): string {
  return stsArn(ctx.target.region, ctx.fx.caller.accountId, `assumed-role/${ctx.fx.role(role).name}/${session}`);
}

/** `<RoleId>:<session>`: the AssumedRoleId and the UserId of an assumed role (IAM-UG "IAM identifiers"). */
export function assumedRoleId(ctx: CaseContext, role: string, session: string): string {
  return `${ctx.fx.role(role).id}:${session}`;
}

/** AssumeRole into a fixture role signed by the harness identity; the promise is left to the case. */
export function assumeAsHarness(ctx: CaseContext, role: string, opts: { session?: string; durationSeconds?: number; policy?: string } = {}) {
  return assumeRole(ctx.clients.sts, {
    roleArn: ctx.fx.role(role).arn,
    roleSessionName: opts.session ?? REPORTS_SESSION,
    durationSeconds: opts.durationSeconds,
    policy: opts.policy,
  });
}

/** AssumeRole into a fixture role signed with role-session credentials: role chaining. */
export function assumeWith(ctx: CaseContext, credentials: Credentials, role: string, opts: { session?: string; durationSeconds?: number } = {}) {
  return assumeRole(ctx.clients.stsWith(credentials), {
    roleArn: ctx.fx.role(role).arn,
    roleSessionName: opts.session ?? REPORTS_SESSION,
    durationSeconds: opts.durationSeconds,
  });
}

/** The harness assumes `backend`: the backend service's own role session, the first link of every chain. */
export async function backendSession(ctx: CaseContext) {
  return ctx.expect.succeeds('AssumeRole(backend)', assumeAsHarness(ctx, 'backend', { session: BACKEND_SESSION }), cite(STS_ASSUME_ROLE, '`backend` trusts the harness identity'));
}

/** IAM GetRole of a fixture role, signed with the given credentials. */
export function getRoleWith(ctx: CaseContext, credentials: Credentials, role: string) {
  return ctx.clients.iamWith(credentials).send(new GetRoleCommand({ RoleName: ctx.fx.role(role).name }));
}

/**
 * IAM ListRolePolicies of a fixture role, signed with the given credentials:
 * a read whose answer names only that role's policies, so the golden does not
 * depend on what else the account holds.
 */
export function listRolePoliciesWith(ctx: CaseContext, credentials: Credentials, role: string) {
  return ctx.clients.iamWith(credentials).send(new ListRolePoliciesCommand({ RoleName: ctx.fx.role(role).name }));
}


/** A session policy as JSON text: allow exactly these actions on any resource. */
export function sessionPolicyAllowing(actions: string[]): string {
  return JSON.stringify(allowActions(actions));
}
