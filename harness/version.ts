import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The project root: harness/ sits directly below it. */
export const PROJECT_ROOT = join(__dirname, '..');

function packageVersion(dir: string): string {
  try {
    return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

export const HARNESS_VERSION = packageVersion(PROJECT_ROOT);

const SDK_CLIENTS = ['client-cognito-identity-provider', 'client-cognito-identity', 'client-sts', 'client-iam', 'client-s3'];

/** Versions of the AWS SDK clients the harness drives targets with. */
export function sdkVersions(): Record<string, string> {
  return Object.fromEntries(SDK_CLIENTS.map((c) => [`@aws-sdk/${c}`, packageVersion(join(PROJECT_ROOT, 'node_modules', '@aws-sdk', c))]));
}
