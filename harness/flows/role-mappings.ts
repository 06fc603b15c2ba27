import { SetIdentityPoolRolesCommand, type CognitoIdentityClient, type RoleMapping } from '@aws-sdk/client-cognito-identity';

export interface MappingRuleInput {
  claim: string;
  match: 'Equals' | 'Contains' | 'StartsWith' | 'NotEqual';
  value: string;
  roleArn: string;
}

/**
 * SetIdentityPoolRoles with one Rules role mapping, for cases that check what
 * the call itself accepts (CI-API SetIdentityPoolRoles, RulesConfigurationType).
 * `provider` is the mapping key, `cognito-idp.<region>.amazonaws.com/<userPoolId>:<appClientId>`.
 */
export async function setRulesMapping(
  identity: CognitoIdentityClient,
  req: {
    identityPoolId: string;
    roles: { authenticated?: string; unauthenticated?: string };
    provider: string;
    ambiguous: 'AuthenticatedRole' | 'Deny';
    rules: MappingRuleInput[];
  },
): Promise<void> {
  const mapping: RoleMapping = {
    Type: 'Rules',
    AmbiguousRoleResolution: req.ambiguous,
    RulesConfiguration: { Rules: req.rules.map((r) => ({ Claim: r.claim, MatchType: r.match, Value: r.value, RoleARN: r.roleArn })) },
  };
  await identity.send(new SetIdentityPoolRolesCommand({ IdentityPoolId: req.identityPoolId, Roles: req.roles, RoleMappings: { [req.provider]: mapping } }));
}
