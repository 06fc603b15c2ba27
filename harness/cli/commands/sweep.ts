import { createClients } from '../../clients/factory';
import { UsageError } from '../../errors';
import { parseDuration, sweep } from '../../provisioning/sweep';
import { resolveTarget } from '../../targets/registry';
import type { CliIo } from '../io';

export interface SweepCommandOptions {
  target: string;
  endpoint?: string;
  region?: string;
  olderThan: string;
  dryRun?: boolean;
  ledgerDir?: string;
  now?: Date;
}

/** `idchain sweep`: delete what crashed or interrupted runs left behind. Exit 1 if something could not be deleted. */
export async function sweepCommand(opts: SweepCommandOptions, io: CliIo): Promise<number> {
  const olderThanMs = parseDuration(opts.olderThan);
  if (olderThanMs === undefined) throw new UsageError(`--older-than ${opts.olderThan} is not a duration. Expected: e.g. 2h, 30m, 1d or 0.`);
  const target = resolveTarget({ name: opts.target, endpoint: opts.endpoint, region: opts.region });
  const log = (line: string) => io.err(`[idchain] ${line}`);
  const started = await target.start({ log });
  const clients = createClients(started);
  try {
    const result = await sweep({ clients, target: started.name, region: started.region, olderThanMs, now: opts.now ?? new Date(), dryRun: opts.dryRun ?? false, ledgerDir: opts.ledgerDir, log });
    const lines = result.candidates.map((c) => `${opts.dryRun ? 'would delete' : 'leftover'} ${c.kind} ${c.name}${c.id && c.id !== c.name ? ` (${c.id})` : ''} — found by ${c.found}`);
    if (result.candidates.length === 0) lines.push(`nothing to sweep on ${started.name} older than ${opts.olderThan}`);
    else if (!opts.dryRun) lines.push(`deleted ${result.deleted.length} of ${result.candidates.length}`);
    for (const f of result.failures) lines.push(`could not delete ${f.candidate.kind} ${f.candidate.name}: ${f.message}`);
    io.out(lines.join('\n'));
    return result.failures.length > 0 ? 1 : 0;
  } finally {
    clients.destroy();
    await started.stop();
  }
}
