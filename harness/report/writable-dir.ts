import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../errors';

/**
 * Make sure reports can be written before a run starts: a run that provisions
 * and tears down for minutes and then cannot write its report has wasted
 * them. Creates nothing: the folder itself, or the nearest part of its path
 * that exists, must be a folder this process may write into (access(2) also
 * refuses a read-only file system).
 */
export function checkWritableDir(dir: string, flag = '--report-dir'): void {
  let existing = resolve(dir);
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  const refuse = (why: string) => {
    throw new UsageError(`${flag} ${dir} cannot be written: ${why}. Expected: a folder idchain may create and write, e.g. ${flag} reports. Nothing was started.`);
  };
  if (!statSync(existing).isDirectory()) refuse(`${existing} is a file, not a folder`);
  try {
    accessSync(existing, constants.W_OK | constants.X_OK);
  } catch (err) {
    refuse(`${existing} is not writable (${(err as { code?: string }).code ?? (err as Error).message})`);
  }
}
