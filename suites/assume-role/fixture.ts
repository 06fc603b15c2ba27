import type { FixtureSpec, PolicyDocument, TrustRefs } from '../../harness';
import { allowActions, assumeRole, assumeRoleTrust, policyDocument } from '../../harness';

/** Session names the cases give STS; each must come back in the assumed-role ARN. */
export const BACKEND_SESSION = 'idchain-backend';
export const REPORTS_SESSION = 'idchain-reports';

function trusts(principals: (r: TrustRefs) => string | string[]): { document: (r: TrustRefs) => PolicyDocument } {
  return { document: (r) => policyDocument(assumeRoleTrust(principals(r))) };
}

/**
 * Role chaining set-up: a team's API backend runs as `backend` and reaches
 * the reporting permissions by assuming `reports` with its own role session.
 *
 * - `backend`: trusts the harness identity only. Its permission policy allows
 *   `sts:AssumeRole` on any role, so a refusal to assume a role that does not
 *   trust it comes from the trust policy, not from a missing identity permission
 *   (and assuming itself is the "implicit self-trust" AWS removed in 2022).
 * - `reports`: trusts the harness identity and `backend`; MaxSessionDuration
 *   43200, so the one-hour limit of a chained session is the chaining cap and
 *   not the role's maximum; allows `iam:GetRole` and `iam:ListRolePolicies`.
 * - `backend-only`: trusts only `backend`; the harness identity is not trusted.
 */
export const assumeRoleFixture: FixtureSpec = {
  roles: {
    backend: {
      trust: trusts((r) => r.callerArn),
      policies: { 'chain-into-roles': allowActions(['sts:AssumeRole']) },
    },
    reports: {
      trust: trusts((r) => [r.callerArn, r.roleArn('backend')]),
      maxSessionDuration: 43200,
      policies: { 'read-roles': allowActions(['iam:GetRole', 'iam:ListRolePolicies']) },
    },
    'backend-only': { trust: trusts((r) => r.roleArn('backend')) },
  },
  // Propagation check: the harness assumes `backend`, and the backend session chains into `reports` once.
  async ready(fx, clients) {
    const backend = await assumeRole(clients.sts, { roleArn: fx.role('backend').arn, roleSessionName: BACKEND_SESSION });
    const sts = clients.stsWith(backend.credentials);
    await assumeRole(sts, { roleArn: fx.role('reports').arn, roleSessionName: REPORTS_SESSION });
  },
};
