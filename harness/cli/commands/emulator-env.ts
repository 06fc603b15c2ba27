import type { StartedEmulator } from '../../../emulator';

export const PRINT_ENV_FORMATS = ['shell', 'json'] as const;
export type PrintEnvFormat = (typeof PRINT_ENV_FORMATS)[number];

/**
 * What a client needs to use a running emulator: the endpoint (AWS_ENDPOINT_URL,
 * read by the AWS SDKs and the AWS CLI v1 ≥ 1.29 / v2 ≥ 2.13), the Region both
 * ways (AWS_DEFAULT_REGION is the one the AWS CLI v1 and boto3 read), the
 * administrator's keys, and the emulator's process id, to stop it with `kill`.
 */
export function emulatorEnv(emulator: Pick<StartedEmulator, 'url' | 'region' | 'credentials'>, pid: number): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: emulator.url,
    AWS_REGION: emulator.region,
    AWS_DEFAULT_REGION: emulator.region,
    AWS_ACCESS_KEY_ID: emulator.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: emulator.credentials.secretAccessKey,
    IDCHAIN_EMULATOR_PID: String(pid),
  };
}

/** POSIX shell single quotes: nothing inside is expanded; a quote is closed, escaped and reopened. */
function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * `shell`: lines for `eval`, dropping a session token left over from another
 * account, which the SDKs would otherwise send with these keys. `json`: one
 * object on one line.
 */
export function formatEnv(env: Record<string, string>, format: PrintEnvFormat): string {
  if (format === 'json') return JSON.stringify(env);
  return [...Object.entries(env).map(([k, v]) => `export ${k}=${shellQuote(v)}`), 'unset AWS_SESSION_TOKEN'].join('\n');
}
