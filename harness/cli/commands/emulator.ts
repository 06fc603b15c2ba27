import { startEmulator, WeatherProfileError } from '../../../emulator';
import { UsageError } from '../../errors';
import { regionNames } from '../../targets/region';
import type { CliIo } from '../io';

export interface EmulatorCommandOptions {
  host: string;
  port: number;
  region?: string;
  /** `calm` (default), `aws`, or the path of a JSON weather profile. */
  weather?: string;
  /** As typed on the command line: a whole number. Default 1. */
  seed?: string;
  /** As typed on the command line: a number, 1 being AWS's pace. Default 1. */
  weatherScale?: string;
  /** Resolves when the emulator should stop; defaults to SIGINT/SIGTERM. */
  until?: Promise<void>;
}

/** `idchain emulator`: the reference emulator alone, for any SDK or app to use. */
export async function emulatorCommand(opts: EmulatorCommandOptions, io: CliIo): Promise<number> {
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) {
    throw new UsageError(`--port ${opts.port} is not a port. Expected: an integer from 0 to 65535 (0 picks a free one).`);
  }
  if (opts.region !== undefined) regionNames(opts.region, '--region');
  const seed = wholeNumber(opts.seed ?? '1', '--seed');
  const weatherScale = decimal(opts.weatherScale ?? '1', '--weather-scale');
  let emulator;
  try {
    emulator = await startEmulator({ host: opts.host, port: opts.port, region: opts.region, weather: opts.weather ?? 'calm', seed, weatherScale });
  } catch (err) {
    if (err instanceof WeatherProfileError) throw new UsageError(err.message);
    const code = (err as { code?: string }).code;
    if (code === 'EADDRINUSE') throw new UsageError(`Port ${opts.port} on ${opts.host} is already in use. Choose another with --port, or 0 for any free port.`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new UsageError(`Cannot listen on ${opts.host}: no such local address. Expected: 127.0.0.1, ::1 or 0.0.0.0.`);
    throw err;
  }
  io.out(
    [
      `idchain reference emulator ${emulator.version} on ${emulator.url}`,
      `services: ${emulator.services.join(', ')}; region ${emulator.region}; account ${emulator.accountId}`,
      ...(emulator.weather.profile.name === 'calm' ? [] : [`weather: ${emulator.weather.profile.name} (seed ${emulator.weather.seed}, scale ${emulator.weather.scale}); counters at ${emulator.url}/_idchain/weather`]),
      '',
      'Point an AWS SDK or the AWS CLI at it (keys are fresh each start and unknown keys are refused):',
      `  export AWS_ENDPOINT_URL=${emulator.url}`,
      `  export AWS_REGION=${emulator.region}`,
      `  export AWS_ACCESS_KEY_ID=${emulator.credentials.accessKeyId}`,
      `  export AWS_SECRET_ACCESS_KEY=${emulator.credentials.secretAccessKey}`,
      '',
      'Ctrl-C stops it.',
    ].join('\n'),
  );
  await (opts.until ??
    new Promise<void>((resolve) => {
      const release = io.onInterrupt?.(() => {
        release?.();
        resolve();
      });
    }));
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
