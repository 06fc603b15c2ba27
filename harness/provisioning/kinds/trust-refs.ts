import type { PolicyDocument } from '../policies';
import { identityPoolTrustPolicy } from '../policies';
import { iamArn } from '../../targets/region';
import type { ResourceRef } from '../resource-kind';
import type { ProvisionedOidcProvider } from './oidc-provider';
import type { ProvisionedSamlProvider } from './saml-provider';

export type Amr = 'authenticated' | 'unauthenticated';

/**
 * Who a role trusts. `identityPools` names this fixture's identity pools
 * (the documented identity-pool trust policy, aws-contract.md §2);
 * `document` builds any other policy from the provisioned ids.
 */
export type TrustSpec = { identityPools: string[]; amr: Amr } | { document: (refs: TrustRefs) => PolicyDocument };

/**
 * What a trust document may name. Every name must be declared in the
 * fixture; what a document names is created before its role (a role whose
 * trust reads a user's `sub` waits for the user).
 */
export interface TrustRefs {
  identityPoolId(name: string): string;
  /** The account the run provisions in, from GetCallerIdentity. */
  accountId: string;
  region: string;
  /** The ARN the harness itself signs as (an IAM user on the emulators, whatever CI runs as on AWS). */
  callerArn: string;
  /**
   * An IAM user with long-term keys the harness signs with where a call needs
   * one (GetFederationToken, GetSessionToken, AssumeRole that is not role
   * chaining): the harness itself when it is an IAM user, else a throwaway
   * `idchain-<run>-…` user (kinds/iam-user.ts). Reading it makes the role wait for that user.
   */
  readonly iamUserArn: string;
  /** Another role of the fixture. */
  roleArn(name: string): string;
  oidcProvider(name: string): ProvisionedOidcProvider;
  samlProvider(name: string): ProvisionedSamlProvider;
  /** The `sub` Cognito gave a fixture user. */
  userSub(userPool: string, user: string): string;
}

export function trustDocument(trust: TrustSpec, refs: TrustRefs): PolicyDocument {
  return 'document' in trust ? trust.document(refs) : identityPoolTrustPolicy(trust.identityPools.map((n) => refs.identityPoolId(n)), trust.amr, refs.region);
}

const PROBE_ACCOUNT = '000000000000';

/**
 * What a trust names, found by building the document once with stand-in
 * values and writing down every lookup: trust documents are functions of the
 * provisioned ids, so this is how a role declares what it needs before
 * anything exists.
 */
export function trustNeeds(trust: TrustSpec, region = 'us-east-1'): ResourceRef[] {
  const needs: ResourceRef[] = [];
  const need = (kind: string, key: string) => {
    needs.push({ kind, key });
    return iamArn(region, PROBE_ACCOUNT, `${kind}/${key}`);
  };
  const probe: TrustRefs = {
    identityPoolId: (n) => need('identity-pool', n),
    accountId: PROBE_ACCOUNT,
    region,
    callerArn: iamArn(region, PROBE_ACCOUNT, 'user/caller'),
    get iamUserArn() {
      return need('iam-user', 'iam-user');
    },
    roleArn: (n) => need('iam-role', n),
    oidcProvider: (n) => {
      const arn = need('oidc-provider', n);
      return { arn, issuer: `https://${n}`, conditionKeyPrefix: n, clientIds: [n] };
    },
    samlProvider: (n) => {
      const arn = need('saml-provider', n);
      return {
        arn,
        name: n,
        get idp(): never {
          throw new Error(`A trust document uses the identity provider of SAML provider '${n}'. Expected: only its arn and name, which IAM knows.`);
        },
      };
    },
    userSub: (pool, user) => need('user', `${pool}/${user}`),
  };
  trustDocument(trust, probe);
  return needs;
}
