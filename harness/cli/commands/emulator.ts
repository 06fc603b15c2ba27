import { EmulatorOptionError, parseAdminKeys, startEmulator, WeatherProfileError, type AdminKeys, type StartedEmulator } from '../../../emulator';
import { UsageError } from '../../errors';
import { regionNames } from '../../targets/region';
import type { CliIo } from '../io';
import { emulatorEnv, formatEnv, PRINT_ENV_FORMATS, type PrintEnvFormat } from './emulator-env';

export interface EmulatorCommandOptions {
  host: string;
  port: number;
  region?: string;
  /** `AK:SK` from --credentials, else IDCHAIN_EMULATOR_CREDENTIALS; fresh keys without either. */
  credentials?: string;
  printEnv?: string;
  env?: Record<string, string | undefined>;
  pid?: number;
  /** `calm` (default), `aws`, or the path of a JSON weather profile. */
  weather?: string;
  /** As typed on the command line: a whole number. Default 1. */
  seed?: string;
  /** As typed on the command line: a number, 1 being AWS's pace. Default 1. */
  weatherScale?: string;
  /** Resolves when the emulator should stop; defaults to SIGINT/SIGTERM. */
  until?: Promise<void>;
}

function adminKeys(opts: EmulatorCommandOptions): AdminKeys | undefined {
  const fromFlag = opts.credentials !== undefined;
  const text = fromFlag ? opts.credentials : (opts.env ?? process.env).IDCHAIN_EMULATOR_CREDENTIALS || undefined;
  if (text === undefined) return undefined;
  try {
    return parseAdminKeys(text);
  } catch (err) {
    throw new UsageError(`${fromFlag ? '--credentials' : 'IDCHAIN_EMULATOR_CREDENTIALS'}: ${(err as Error).message}`);
  }
}

function printEnvFormat(value: string | undefined): PrintEnvFormat | undefined {
  if (value === undefined) return undefined;
  if (!(PRINT_ENV_FORMATS as readonly string[]).includes(value)) {
    throw new UsageError(`--print-env ${value} is not a format. Expected one of: ${PRINT_ENV_FORMATS.join(', ')}.`);
  }
  return value as PrintEnvFormat;
}

function banner(emulator: StartedEmulator, fixedKeys: boolean, env: Record<string, string>): string {
  return [
    `idchain reference emulator ${emulator.version} on ${emulator.url}`,
    `services: ${emulator.services.join(', ')}; region ${emulator.region}; account ${emulator.accountId}`,
    ...(emulator.weather.profile.name === 'calm' ? [] : [`weather: ${emulator.weather.profile.name} (seed ${emulator.weather.seed}, scale ${emulator.weather.scale}); counters at ${emulator.url}/_idchain/weather`]),
    '',
    `Point an AWS SDK or the AWS CLI at it (${fixedKeys ? 'keys fixed by --credentials' : 'keys are fresh each start'}; unknown keys are refused):`,
    formatEnv(env, 'shell').replace(/^/gm, '  '),
    '',
    'Ctrl-C stops it.',
  ].join('\n');
}

/** `idchain emulator`: the reference emulator alone, for any SDK or app to use. */
export async function emulatorCommand(opts: EmulatorCommandOptions, io: CliIo): Promise<number> {
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) {
    throw new UsageError(`--port ${opts.port} is not a port. Expected: an integer from 0 to 65535 (0 picks a free one).`);
  }
  if (opts.region !== undefined) regionNames(opts.region, '--region');
  const seed = wholeNumber(opts.seed ?? '1', '--seed');
  const weatherScale = decimal(opts.weatherScale ?? '1', '--weather-scale');
  const format = printEnvFormat(opts.printEnv);
  const credentials = adminKeys(opts);
  let emulator: StartedEmulator;
  try {
    emulator = await startEmulator({ host: opts.host, port: opts.port, region: opts.region, credentials, weather: opts.weather ?? 'calm', seed, weatherScale });
  } catch (err) {
    if (err instanceof WeatherProfileError) throw new UsageError(err.message);
    const code = (err as { code?: string }).code;
    if (err instanceof EmulatorOptionError) throw new UsageError(err.message);
    if (code === 'EADDRINUSE') throw new UsageError(`Port ${opts.port} on ${opts.host} is already in use. Choose another with --port, or 0 for any free port.`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new UsageError(`Cannot listen on ${opts.host}: no such local address. Expected: 127.0.0.1, ::1 or 0.0.0.0.`);
    throw err;
  }
  // Listening for Ctrl-C/SIGTERM before saying so: a signal sent the moment the banner is read (on a
  // busy machine, before the next line ran) would otherwise meet node's default and kill the process.
  const stopAsked =
    opts.until ??
    new Promise<void>((resolve) => {
      const release = io.onInterrupt?.(() => {
        release?.();
        resolve();
      });
    });
  const env = emulatorEnv(emulator, opts.pid ?? process.pid);
  if (format) {
    // Only the environment on stdout, then stdout is let go: `eval "$(idchain emulator --print-env shell &)"`
    // returns once the pipe closes, while the emulator keeps serving in the background.
    io.out(formatEnv(env, format));
    io.releaseOut?.();
  } else {
    io.out(banner(emulator, credentials !== undefined, env));
  }
  await stopAsked;
  await emulator.stop();
  return 0;
}

/** A flag's text as a whole number, or a usage error saying what was expected. */
export function wholeNumber(text: string, flag: string): number {
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`${flag} ${text} is not a whole number. Expected: a whole number such as 7.`);
  return Number(text);
}

/** A flag's text as a decimal number, or a usage error saying what was expected. */
export function decimal(text: string, flag: string): number {
  if (!/^\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text.trim())) throw new UsageError(`${flag} ${text} is not a number. Expected: a positive number such as 1 or 0.01.`);
  return Number(text);
}
