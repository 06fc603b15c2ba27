import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Where the code sits: harness/, emulator/ and suites/ side by side. In the
 * sources that is the repository; in the built package it is dist/.
 */
export const CODE_ROOT = join(__dirname, '..');

/**
 * The package root, where package.json and fixtures/ live: the repository,
 * or node_modules/idchain once installed. Found upwards from the code, since
 * the compiled code sits one level deeper (dist/) than the sources.
 */
export const PROJECT_ROOT = findPackageRoot(CODE_ROOT);

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return from;
  }
}

function packageVersion(dir: string): string {
  try {
    return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

export const HARNESS_VERSION = packageVersion(PROJECT_ROOT);

const SDK_CLIENTS = ['client-cognito-identity-provider', 'client-cognito-identity', 'client-sts', 'client-iam', 'client-s3'];

/**
 * Versions of the AWS SDK clients the harness drives targets with, found as
 * Node finds them from here: an installed idchain's dependencies may be
 * hoisted into the project that installed it.
 */
export function sdkVersions(): Record<string, string> {
  return Object.fromEntries(SDK_CLIENTS.map((c) => [`@aws-sdk/${c}`, packageVersion(sdkPackageDir(`@aws-sdk/${c}`))]));
}

function sdkPackageDir(name: string): string {
  const paths = require.resolve.paths(name) ?? [];
  return paths.map((p) => join(p, name)).find((dir) => existsSync(join(dir, 'package.json'))) ?? join(PROJECT_ROOT, 'node_modules', name);
}
