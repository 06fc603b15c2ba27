import { oidcProviderByUrl, roleByArn, type IamState, type OidcProvider, type Role, type SamlProvider } from './state';

/**
 * IAM as the services that depend on it see it: STS, Cognito identity pools,
 * S3, and the authorization of every request. IAM has "one IAM control plane
 * … [that] propagates configuration changes to the IAM data planes in every
 * enabled AWS Region. The IAM data plane is essentially a read-only replica"
 * [doc: IAM-UG "Resilience in IAM"], so under weather a change IAM has made
 * (and its own GetRole shows at once) reaches this view only later
 * (weather/propagation.ts). Without weather it is IAM's own state.
 */
export interface IamView {
  roleByArn(arn: string): Role | undefined;
  /** By issuer URL without its scheme, e.g. `token.actions.githubusercontent.com`. */
  oidcProviderByUrl(url: string): OidcProvider | undefined;
  samlProviderByArn(arn: string): SamlProvider | undefined;
}

/** IAM's own state, seen at once: the view when there is no propagation delay. */
export function liveIamView(iam: IamState): IamView {
  return {
    roleByArn: (arn) => roleByArn(iam, arn),
    oidcProviderByUrl: (url) => oidcProviderByUrl(iam, url),
    samlProviderByArn: (arn) => iam.samlProviders.get(arn),
  };
}
