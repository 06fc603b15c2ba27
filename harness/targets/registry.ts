import { UsageError } from '../errors';
import { awsTarget, defaultAwsDeps } from './aws';
import { cognitoLocalTarget } from './cognito-local';
import { endpointTarget } from './endpoint';
import { localStackTarget } from './localstack';
import { motoTarget } from './moto';
import { referenceTarget } from './reference';
import { regionNames, resolveRegion } from './region';
import type { Target } from './target';
import { checkWeatherRequest, isWeathered, type WeatherRequest } from './weather';

export interface TargetRequest extends WeatherRequest {
  name: string;
  endpoint?: string;
  /** The region to run in; otherwise AWS_REGION, else us-east-1 (aws needs one of the first two). */
  region?: string;
  mutants?: string[];
}

/** The environment an emulator target reads, with AWS_REGION the Region it runs in. */
function envFor(req: TargetRequest): Record<string, string | undefined> {
  return { ...process.env, AWS_REGION: resolveRegion(req.region) };
}

const BUILT_IN: Record<string, (req: TargetRequest) => Target> = {
  reference: (req) => {
    // On the built-in emulator the Region is the emulator's own: it runs in the one asked for.
    const region = resolveRegion(req.region);
    if (req.endpoint) return endpointTarget({ name: 'reference', url: req.endpoint, region });
    const weather = isWeathered(req) ? { weather: req.weather, seed: req.seed, weatherScale: req.weatherScale } : {};
    return referenceTarget({ mutants: req.mutants, region, ...weather });
  },
  aws: (req) => {
    if (req.endpoint) throw new UsageError('--endpoint cannot be used with --target aws: AWS endpoints come from the region.');
    return req.region ? awsTarget({ ...defaultAwsDeps, env: { ...process.env, AWS_REGION: req.region } }) : awsTarget();
  },
  // Started by idchain unless --endpoint points at one already running.
  moto: (req) => motoTarget({ endpoint: req.endpoint, env: envFor(req) }),
  'cognito-local': (req) => cognitoLocalTarget({ endpoint: req.endpoint, env: envFor(req) }),
  localstack: (req) => localStackTarget({ endpoint: req.endpoint, env: envFor(req) }),
};

export const TARGET_NAMES = Object.keys(BUILT_IN);

/**
 * Resolve a target by name. Any other name is accepted only with `--endpoint`,
 * which points the harness at an emulator someone else runs.
 */
export function resolveTarget(req: TargetRequest): Target {
  // A malformed --region (or AWS_REGION) is bad usage, refused before any target starts.
  if (req.region !== undefined) regionNames(req.region, '--region');
  // Weather only for the built-in emulator, with a profile that loads: checked before anything starts.
  checkWeatherRequest(req, { name: req.name, endpoint: req.endpoint });
  const make = BUILT_IN[req.name];
  if (make) return make(req);
  if (req.endpoint) return endpointTarget({ name: req.name, url: req.endpoint, region: resolveRegion(req.region) });
  throw new UsageError(
    `Unknown target '${req.name}'. Expected one of: ${TARGET_NAMES.join(', ')}, or any name together with --endpoint URL.`,
  );
}
