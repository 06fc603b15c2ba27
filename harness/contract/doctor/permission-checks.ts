import { GetRoleCommand, SimulatePrincipalPolicyCommand, type ContextEntry, type IAMClient } from '@aws-sdk/client-iam';
import { parseAssumedRoleArn } from '../../flows/caller-identity';
import { fail, ok, warn, type DoctorCheck } from './doctor-check';
import type { NeededPermission } from './run-permissions';

/**
 * The ARN SimulatePrincipalPolicy takes for a caller: a user's own ARN, or for
 * a role session the role's — "PolicySourceArn: The Amazon Resource Name
 * (ARN) of a user, group, or role" [doc: IAM-API SimulatePrincipalPolicy].
 * An assumed-role ARN drops the role's path, so GetRole reads the real ARN.
 */
async function policySource(iam: IAMClient, callerArn: string): Promise<string> {
  const session = parseAssumedRoleArn(callerArn);
  if (!session) return callerArn;
  const { Role } = await iam.send(new GetRoleCommand({ RoleName: session.roleName }));
  return Role!.Arn!;
}

function contextEntries(context: NeededPermission['context']): ContextEntry[] {
  return Object.entries(context).map(([ContextKeyName, value]) =>
    Array.isArray(value) ? { ContextKeyName, ContextKeyValues: value, ContextKeyType: 'stringList' } : { ContextKeyName, ContextKeyValues: [value], ContextKeyType: 'string' },
  );
}

/** The needed permissions grouped by resource and context: one simulator call each, several actions at once (the simulator is throttled, KC "IAM and STS throttling"). */
function batches(needed: readonly NeededPermission[]): NeededPermission[][] {
  const groups = new Map<string, NeededPermission[]>();
  for (const p of needed) {
    const key = `${p.resource} ${JSON.stringify(p.context)}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.values()];
}

/**
 * Every permission the run needs, simulated for the caller's user or role
 * (its identity policies and boundary) with IAM's own evaluator,
 * SimulatePrincipalPolicy — AWS's on aws, the emulator's on reference. One ok
 * line when all are allowed, else a fail line per denied action. The root
 * user is not limited by IAM policies and is not simulated.
 */
export async function permissionChecks(iam: IAMClient, callerArn: string, needed: readonly NeededPermission[]): Promise<DoctorCheck[]> {
  if (/:root$/.test(callerArn)) return [warn('permissions', 'signing as the root user, whom IAM policies do not limit', 'run as the runner role of ci/aws/bootstrap.yaml instead')];
  if (/:federated-user\//.test(callerArn)) return [fail('permissions', 'a federated user cannot call IAM', 'sign in as the runner role or an IAM user')];
  let source: string;
  const denied: DoctorCheck[] = [];
  try {
    source = await policySource(iam, callerArn);
    for (const batch of batches(needed)) {
      const { EvaluationResults = [] } = await iam.send(
        new SimulatePrincipalPolicyCommand({ PolicySourceArn: source, ActionNames: batch.map((p) => p.action), ResourceArns: [batch[0].resource], ContextEntries: contextEntries(batch[0].context) }),
      );
      for (const p of batch) {
        const result = EvaluationResults.find((r) => r.EvalActionName === p.action);
        const decision = result?.ResourceSpecificResults?.[0]?.EvalResourceDecision ?? result?.EvalDecision ?? 'missing';
        if (decision === 'allowed') continue;
        const boundary = result?.PermissionsBoundaryDecisionDetail?.AllowedByPermissionsBoundary === false ? ', not allowed by its permissions boundary' : '';
        denied.push(fail('permission', `${p.action} on ${p.resource}: ${decision}${boundary} (needed to ${p.why})`, `allow it in ci/aws/runner-policy.json and update the stack${'iam:PermissionsBoundary' in p.context ? ', and check IDCHAIN_PERMISSIONS_BOUNDARY is the stack output BoundaryPolicyArn' : ''}`));
      }
    }
  } catch (err) {
    const e = err as Error;
    return [fail('permissions', `could not simulate the caller's policies: ${e.name}: ${e.message}`, "allow iam:GetRole and iam:SimulatePrincipalPolicy on the runner role itself (runner policy statement DoctorChecksItsOwnPermissions)")];
  }
  return denied.length > 0 ? denied : [ok('permissions', `all ${needed.length} actions the run needs are allowed for ${source}`)];
}
