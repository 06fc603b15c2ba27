import { parseAllowList } from '../../targets/aws';
import { fail, ok, type DoctorCheck } from './doctor-check';

type Env = Record<string, string | undefined>;

/**
 * Endpoint overrides the AWS SDKs honour: `AWS_ENDPOINT_URL` and
 * `AWS_ENDPOINT_URL_<SERVICE>` [doc: AWS SDKs and Tools Reference Guide,
 * "Service-specific endpoints"]. On the aws target any of them would send
 * idchain's calls somewhere else than AWS.
 */
export function endpointOverrides(env: Env): string[] {
  return Object.keys(env).filter((k) => (k === 'AWS_ENDPOINT_URL' || k.startsWith('AWS_ENDPOINT_URL_')) && env[k]);
}

/** Where the default credential chain will find credentials, from the environment alone. */
export function credentialSource(env: Env): string {
  if (env.AWS_ACCESS_KEY_ID) return `environment variables (AWS_ACCESS_KEY_ID${env.AWS_SESSION_TOKEN ? ' with a session token' : ', long-term'})`;
  if (env.AWS_WEB_IDENTITY_TOKEN_FILE) return `web identity token file for ${env.AWS_ROLE_ARN ?? 'AWS_ROLE_ARN (unset)'}`;
  if (env.AWS_PROFILE) return `profile ${env.AWS_PROFILE}`;
  return 'the default chain (shared config and credentials files, SSO, container or instance metadata)';
}

/** Region (`--region`, else the environment's), account allow-list and endpoint overrides of the aws target. */
export function awsEnvironmentChecks(env: Env, account?: string, regionFlag?: string): DoctorCheck[] {
  const checks: DoctorCheck[] = [];
  const region = regionFlag ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  const from = regionFlag ? '--region' : env.AWS_REGION ? 'AWS_REGION' : 'AWS_DEFAULT_REGION';
  checks.push(region ? ok('region', `${region} (${from})`) : fail('region', 'no Region set', 'set AWS_REGION (or --region) to the Region the bootstrap stack was created in'));

  let allowed: string[] = [];
  try {
    allowed = parseAllowList(env.IDCHAIN_AWS_ACCOUNTS);
  } catch (err) {
    checks.push(fail('account', (err as Error).message, 'list twelve-digit sandbox account ids, separated by commas'));
  }
  if (checks.every((c) => c.check !== 'account')) {
    if (allowed.length === 0) checks.push(fail('account', 'IDCHAIN_AWS_ACCOUNTS is not set', 'set it to the sandbox account id; idchain creates and deletes resources only there'));
    else if (account && !allowed.includes(account)) checks.push(fail('account', `account ${account} is not in IDCHAIN_AWS_ACCOUNTS (${allowed.join(', ')})`, 'use credentials of the sandbox account, or add it if it is one'));
    else checks.push(ok('account', account ? `${account} is in IDCHAIN_AWS_ACCOUNTS` : `IDCHAIN_AWS_ACCOUNTS lists ${allowed.join(', ')}`));
  }

  const overrides = endpointOverrides(env);
  checks.push(
    overrides.length > 0
      ? fail('endpoints', `${overrides.join(', ')} would send calls elsewhere than AWS`, `unset ${overrides.join(' and ')}; the aws target talks to AWS's own endpoints only`)
      : ok('endpoints', "AWS's own, from the Region (no AWS_ENDPOINT_URL* override)"),
  );
  return checks;
}
