/** The shared config and credentials files as the SDK parses them: profiles by name, `services.<name>` sections. */
export interface SharedConfigFiles {
  configFile: Record<string, Record<string, string | undefined> | undefined>;
  credentialsFile: Record<string, Record<string, string | undefined> | undefined>;
}

export interface EndpointOverrides {
  /** Each override found, as a user would look for it: `AWS_ENDPOINT_URL_STS=http://…`, `endpoint_url in profile dev`. */
  found: string[];
  /** AWS_IGNORE_CONFIGURED_ENDPOINT_URLS (or the profile's ignore_configured_endpoint_urls) is true: the SDK follows none of them. */
  ignored: boolean;
}

/** The SDK's reading of a boolean setting: exactly `true` or `false` (booleanSelector in @smithy/core/config). */
function flag(value: string | undefined): boolean | undefined {
  return value === 'true' ? true : value === 'false' ? false : undefined;
}

/**
 * Every endpoint override the AWS SDK for JavaScript would follow (AWS SDKs
 * and Tools Reference Guide, "Service-specific endpoints",
 * https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html;
 * read the same way as @smithy/core's getEndpointUrlConfig): the environment's
 * AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE>, and in the shared config
 * the profile's `endpoint_url` and its `services` section's
 * `<service> = endpoint_url = …`. The environment's
 * AWS_IGNORE_CONFIGURED_ENDPOINT_URLS wins over the profile's
 * ignore_configured_endpoint_urls, as in the SDK's loadConfig.
 */
export function endpointOverrides(env: Record<string, string | undefined>, files: SharedConfigFiles): EndpointOverrides {
  const profileName = env.AWS_PROFILE || 'default';
  const profile = { ...files.credentialsFile[profileName], ...files.configFile[profileName] };
  const found = Object.entries(env)
    .filter(([key, value]) => /^AWS_ENDPOINT_URL(_|$)/.test(key) && value)
    .map(([key, value]) => `${key}=${value}`)
    .sort();
  if (profile.endpoint_url) found.push(`endpoint_url = ${profile.endpoint_url} in profile ${profileName}`);
  if (profile.services) {
    const section = files.configFile[`services.${profile.services}`] ?? {};
    for (const [key, value] of Object.entries(section)) {
      if (key.endsWith('.endpoint_url') && value) found.push(`${key.split('.')[0]} endpoint_url = ${value} in services ${profile.services} (profile ${profileName})`);
    }
  }
  const ignored = flag(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS) ?? flag(profile.ignore_configured_endpoint_urls) ?? false;
  return { found, ignored };
}

/** Hosts of AWS's own endpoints: commercial and GovCloud, China, and the dual-stack `api.aws` names. */
export function isAwsHost(host: string): boolean {
  return /\.amazonaws\.com$/.test(host) || /\.amazonaws\.com\.cn$/.test(host) || /\.api\.aws$/.test(host);
}
