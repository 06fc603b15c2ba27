import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { loadSharedConfigFiles } from '@smithy/core/config';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { TargetUnavailableError, UsageError } from '../errors';
import { expectedAwsWeather } from './weather';
import { endpointOverrides, type SharedConfigFiles } from './endpoint-overrides';
import { ALL_SERVICES, type Credentials, type StartedTarget, type Target } from './target';

/** The seams the AWS target talks through, so tests never reach AWS. */
export interface AwsTargetDeps {
  env: Record<string, string | undefined>;
  /** The shared config and credentials files (~/.aws/config, ~/.aws/credentials), as the SDK reads them. */
  sharedConfig: () => Promise<SharedConfigFiles>;
  resolveCredentials: () => Promise<Credentials>;
  /** Returns the account id the credentials belong to. */
  callerAccount: (credentials: Credentials, region: string) => Promise<string>;
}

export const defaultAwsDeps: AwsTargetDeps = {
  env: process.env,
  sharedConfig: () => loadSharedConfigFiles({ ignoreCache: true }),
  resolveCredentials: () => defaultProvider()(),
  async callerAccount(credentials, region) {
    const sts = new STSClient({
      region,
      credentials,
      maxAttempts: 2,
      ignoreConfiguredEndpointUrls: true,
      requestHandler: { connectionTimeout: 10_000, requestTimeout: 30_000, throwOnRequestTimeout: true },
    });
    try {
      const who = await sts.send(new GetCallerIdentityCommand({}));
      return who.Account ?? '';
    } finally {
      sts.destroy();
    }
  },
};

/** Parse IDCHAIN_AWS_ACCOUNTS: twelve-digit ids separated by commas or spaces. */
export function parseAllowList(raw: string | undefined): string[] {
  if (!raw || raw.trim() === '') return [];
  const ids = raw.split(/[\s,]+/).filter(Boolean);
  const bad = ids.filter((id) => !/^\d{12}$/.test(id));
  if (bad.length > 0) {
    throw new UsageError(`IDCHAIN_AWS_ACCOUNTS has invalid account ids: ${bad.join(', ')}. Expected: twelve-digit AWS account ids separated by commas.`);
  }
  return ids;
}

/**
 * Real AWS. Runs only when the caller's account is in IDCHAIN_AWS_ACCOUNTS, and
 * checks that before anything is created (DESIGN.md § Real AWS, safely).
 */
export function awsTarget(deps: AwsTargetDeps = defaultAwsDeps): Target {
  return {
    name: 'aws',
    kind: 'aws',
    services: ALL_SERVICES,
    async start({ log } = {}): Promise<StartedTarget> {
      const region = deps.env.AWS_REGION ?? deps.env.AWS_DEFAULT_REGION;
      if (!region) {
        throw new UsageError('No AWS region set for target aws. Expected: AWS_REGION (for example AWS_REGION=us-east-1).');
      }
      const overrides = endpointOverrides(deps.env, await deps.sharedConfig());
      if (overrides.found.length > 0 && !overrides.ignored) {
        throw new UsageError(
          `Target aws talks to AWS's own endpoints only, and an endpoint override is configured: ${overrides.found.join('; ')}. ` +
            `idchain never follows one for aws: an emulator's answers would be recorded as AWS's. ` +
            `Unset it (or set AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true), or run that emulator as its own target: --target NAME --endpoint URL.`,
        );
      }
      if (overrides.found.length > 0) log?.(`ignoring configured endpoint URLs (AWS_IGNORE_CONFIGURED_ENDPOINT_URLS): ${overrides.found.join('; ')}`);
      const allowed = parseAllowList(deps.env.IDCHAIN_AWS_ACCOUNTS);
      if (allowed.length === 0) {
        throw new UsageError(
          'Target aws needs IDCHAIN_AWS_ACCOUNTS, the allow-list of sandbox account ids idchain may create resources in. Set it, for example IDCHAIN_AWS_ACCOUNTS=123456789012.',
        );
      }
      let credentials: Credentials;
      try {
        credentials = await deps.resolveCredentials();
      } catch (err) {
        throw new TargetUnavailableError(
          `No AWS credentials found for target aws: ${(err as Error).message}. Configure credentials (AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or SSO) for a sandbox account.`,
        );
      }
      let account: string;
      try {
        account = await deps.callerAccount(credentials, region);
      } catch (err) {
        throw new TargetUnavailableError(`Could not reach AWS STS in ${region} to identify the account: ${(err as Error).message}.`);
      }
      if (!allowed.includes(account)) {
        throw new UsageError(
          `Account ${account} is not in IDCHAIN_AWS_ACCOUNTS (${allowed.join(', ')}). idchain creates and deletes IAM roles and Cognito pools; add the account only if it is a sandbox.`,
        );
      }
      log?.(`aws account ${account} in ${region} (allowed by IDCHAIN_AWS_ACCOUNTS)`);
      const stop = async () => {};
      // AWS's weather is its own: the run plans for it as idchain's aws profile describes it.
      return { name: 'aws', kind: 'aws', services: ALL_SERVICES, region, credentials, account, lifetime: 'independent', weather: expectedAwsWeather(), stop, [Symbol.asyncDispose]: stop };
    },
  };
}
