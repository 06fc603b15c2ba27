import { DEFAULT_LEDGER_DIR } from '../../provisioning/ledger';
import type { ConfirmPolicy } from '../../provisioning/reclaim';
import { sweep, type Place, type Reach } from '../../provisioning/sweep';
import { reachTargets } from '../../provisioning/sweep-reach';
import { regionNames } from '../../targets/region';
import { resolveTarget } from '../../targets/registry';
import { parseEndpointUrl } from '../../targets/endpoint';
import { durationOption } from '../duration';
import type { CliIo } from '../io';
import type { RunControl } from '../run-control';
import { sweepExitCode, sweepReport } from '../sweep-report';

export interface SweepCommandOptions {
  target: string;
  endpoint?: string;
  region?: string;
  olderThan: string;
  dryRun?: boolean;
  ledgerDir?: string;
  now?: Date;
  control?: RunControl;
  /** Injected in tests; reaches real targets otherwise. */
  reach?: Reach;
  /** How long to keep asking whether a deleted resource is gone. */
  confirm?: ConfirmPolicy;
  env?: Record<string, string | undefined>;
}

/** Where to look for resources no ledger names, or why there is nowhere to look. */
function scanPlace(opts: SweepCommandOptions, env: Record<string, string | undefined>): { scan?: Place; noScan?: string } {
  const region = opts.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (opts.target === 'aws') {
    resolveTarget({ name: 'aws', endpoint: opts.endpoint }); // --endpoint with aws is bad usage
    if (!region) return { noScan: 'no Region for aws: set --region or AWS_REGION to look for resources no ledger names' };
    return { scan: { target: 'aws', targetKind: 'aws', region, services: resolveTarget({ name: 'aws' }).services } };
  }
  if (opts.endpoint) {
    const endpoint = parseEndpointUrl(opts.endpoint);
    const services = resolveTarget({ name: opts.target, endpoint }).services;
    return { scan: { target: opts.target, targetKind: 'emulator', endpoint, region: region ?? 'us-east-1', services } };
  }
  if (opts.target === 'reference') {
    return { noScan: 'the reference emulator a run starts lives inside that run and ends with it; to sweep one that keeps running (idchain emulator), pass --endpoint URL' };
  }
  return { noScan: `no --endpoint: sweep never starts a ${opts.target} of its own (a fresh one holds nothing); pass --endpoint URL to look on one that runs` };
}

/**
 * `idchain sweep`: delete what crashed or interrupted runs left behind, each
 * ledger where it says its resources are, confirming every deletion. Prints
 * one line per resource and exits 0 when everything is confirmed gone, 1 when
 * something remains, 3 when a ledger's target cannot be reached.
 */
export async function sweepCommand(opts: SweepCommandOptions, io: CliIo): Promise<number> {
  const olderThanMs = durationOption('--older-than', opts.olderThan);
  const env = opts.env ?? process.env;
  // A malformed Region is bad usage here as on every command, refused before any ledger is read.
  if (opts.region !== undefined) regionNames(opts.region, '--region');
  else if (env.AWS_REGION) regionNames(env.AWS_REGION, 'AWS_REGION');
  const endpoint = opts.endpoint ? parseEndpointUrl(opts.endpoint) : undefined;
  const { scan, noScan } = scanPlace(opts, env);
  const log = (line: string) => io.err(`[idchain] ${line}`);
  const ledgerDir = opts.ledgerDir ?? DEFAULT_LEDGER_DIR;
  const result = await sweep({
    ledgerDir,
    select: { target: opts.target, endpoint, region: opts.region },
    scan,
    olderThanMs,
    now: opts.now ?? new Date(),
    dryRun: opts.dryRun ?? false,
    reach: opts.reach ?? reachTargets({ timeouts: opts.control?.limits.http, signal: opts.control?.signal, env, log }),
    confirm: opts.confirm,
  });
  io.out(sweepReport(result, { olderThan: opts.olderThan, dryRun: opts.dryRun ?? false, noScan, ledgerDir }));
  return sweepExitCode(result);
}
