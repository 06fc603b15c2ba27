import type { Command } from 'commander';
// http-timeouts, not http-handler: --help and `idchain emulator` never need the SDK's HTTP handler.
import { DEFAULT_HTTP_TIMEOUTS } from '../clients/http-timeouts';
import { durationOption } from './duration';
import type { RunLimits } from './run-control';

export interface LimitFlags {
  timeout: string;
  requestTimeout: string;
  teardownTimeout: string;
}

/** --timeout, --request-timeout and --teardown-timeout, with this command's default deadline. */
export function withLimits(command: Command, defaultTimeout: string): Command {
  return command
    .option('--timeout <duration>', 'deadline for the whole command: then it stops, tears down and exits 3', defaultTimeout)
    .option('--request-timeout <duration>', 'how long one SDK call may wait for its answer (each retry gets its own)', `${DEFAULT_HTTP_TIMEOUTS.requestMs / 1000}s`)
    .option('--teardown-timeout <duration>', 'how long teardown may take, after an interrupt or the deadline too', '5m');
}

/** The flags as limits; a duration without its unit is bad usage (exit 2), checked before anything starts. */
export function limitsFrom(flags: LimitFlags): RunLimits {
  const requestMs = durationOption('--request-timeout', flags.requestTimeout, { min: 1000 });
  return {
    timeoutMs: durationOption('--timeout', flags.timeout, { min: 1000 }),
    teardownTimeoutMs: durationOption('--teardown-timeout', flags.teardownTimeout, { min: 1000 }),
    http: { connectionMs: Math.min(DEFAULT_HTTP_TIMEOUTS.connectionMs, requestMs), requestMs },
    shown: { timeout: flags.timeout, teardownTimeout: flags.teardownTimeout },
  };
}
