import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetOpenIDConnectProviderCommand, ListOpenIDConnectProvidersCommand, ListRolesCommand, ListSAMLProvidersCommand } from '@aws-sdk/client-iam';
import { ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { ListIdentityPoolsCommand } from '@aws-sdk/client-cognito-identity';
import type { Clients } from '../harness';

/** package.json's bin: the compiled CLI (built by `npm test`), what `npx idchain` runs. */
export const BIN = join(__dirname, '..', (JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { bin: { idchain: string } }).bin.idchain);

/** The environment a child CLI gets: none of the AWS_* of whoever runs the tests, plus what the test says. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_') && k !== 'IDCHAIN_AWS_ACCOUNTS'));
  return { ...env, ...extra };
}

export interface CliChild {
  child: ChildProcess;
  stdout: string;
  stderr: string;
  /** Resolves with the exit code (or 128 + signal) once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * The real CLI in a child process, through the package's bin as a user runs it.
 * `group`: in a process group of its own, so a test can signal the whole group,
 * as a terminal does (`process.kill(-pid, 'SIGINT')`).
 */
export function startCli(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; group?: boolean }): CliChild {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env: options.env, detached: options.group ?? false, stdio: ['ignore', 'pipe', 'pipe'] });
  const run: CliChild = {
    child,
    stdout: '',
    stderr: '',
    exited: new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal }))),
  };
  child.stdout!.on('data', (d) => (run.stdout += d));
  child.stderr!.on('data', (d) => (run.stderr += d));
  // Both streams drained before the test reads them.
  const closed = new Promise<void>((r) => child.on('close', () => r()));
  run.exited = run.exited.then(async (x) => (await closed, x));
  return run;
}

/** Every resource named `idchain-…` (or, for OIDC providers, tagged `idchain:run`) the emulator holds, as `kind name`. */
export async function idchainResources(admin: Clients): Promise<string[]> {
  const out: string[] = [];
  for (const p of (await admin.idp.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools ?? []) out.push(`user-pool ${p.Name}`);
  for (const p of (await admin.identity.send(new ListIdentityPoolsCommand({ MaxResults: 60 }))).IdentityPools ?? []) out.push(`identity-pool ${p.IdentityPoolName}`);
  for (const r of (await admin.iam.send(new ListRolesCommand({}))).Roles ?? []) out.push(`iam-role ${r.RoleName}`);
  for (const p of (await admin.iam.send(new ListSAMLProvidersCommand({}))).SAMLProviderList ?? []) out.push(`saml-provider ${p.Arn?.split(':saml-provider/')[1]}`);
  for (const p of (await admin.iam.send(new ListOpenIDConnectProvidersCommand({}))).OpenIDConnectProviderList ?? []) {
    const { Tags = [] } = await admin.iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: p.Arn }));
    const run = Tags.find((t) => t.Key === 'idchain:run')?.Value;
    if (run) out.push(`oidc-provider idchain-${run}-oidc (${p.Arn})`);
  }
  return out.filter((x) => x.split(' ')[1]?.startsWith('idchain-')).sort();
}
