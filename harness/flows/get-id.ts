import { GetIdCommand, type CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { CaseAborted } from '../cases/case-aborted';

/**
 * GetId alone: the identity id of a set of logins in an identity pool, or a
 * new guest identity when `logins` is omitted (CI-API GetId). Flows call it
 * first; cases call it alone to assert on the identity id itself.
 */
export async function getIdentityId(
  identity: CognitoIdentityClient,
  req: { identityPoolId: string; logins?: Record<string, string>; accountId?: string },
): Promise<string> {
  const { IdentityId } = await identity.send(new GetIdCommand({ IdentityPoolId: req.identityPoolId, Logins: req.logins, AccountId: req.accountId }));
  if (!IdentityId) throw new CaseAborted({ path: 'GetId.IdentityId', kind: 'contract', expected: 'present', actual: 'absent', source: 'CI-API GetId' });
  return IdentityId;
}
