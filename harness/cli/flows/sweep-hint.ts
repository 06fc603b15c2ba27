import type { StartedTarget } from '../../targets/target';

/** Quote a value for a POSIX shell when it needs it. */
function sh(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command that deletes what a `--keep` left, as it must be typed: where
 * the resources are (target, endpoint, Region) and the keys to sign with. An
 * emulator idchain started made its own keys, which nobody else knows, so
 * they are shown (they open only that local emulator, and only while it runs);
 * for AWS and an emulator someone else runs, the same credentials as this run.
 */
export function sweepHint(target: Pick<StartedTarget, 'name' | 'kind' | 'endpoint' | 'region' | 'credentials' | 'lifetime'>, ledgerDir: string): string[] {
  const base = `--target ${sh(target.name)}${target.endpoint ? ` --endpoint ${sh(target.endpoint)}` : ''} --region ${sh(target.region)} --older-than 0s`;
  const inDir = `(from this directory: the ledger is in ${ledgerDir})`;
  if (target.kind === 'aws') return [`delete them with the same AWS credentials ${inDir}:`, `  npx idchain sweep ${base}`];
  if (target.lifetime === 'in-process' || target.lifetime === 'started') {
    const keys = `AWS_ACCESS_KEY_ID=${sh(target.credentials.accessKeyId)} AWS_SECRET_ACCESS_KEY=${sh(target.credentials.secretAccessKey)}`;
    return [`delete them while it runs, from another terminal ${inDir}:`, `  ${keys} npx idchain sweep ${base}`];
  }
  return [`delete them with the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY this run used ${inDir}:`, `  npx idchain sweep ${base}`];
}
