import { UsageError } from '../errors';
import { awsTarget, defaultAwsDeps } from './aws';
import { cognitoLocalTarget } from './cognito-local';
import { endpointTarget } from './endpoint';
import { localStackTarget } from './localstack';
import { motoTarget } from './moto';
import { referenceTarget } from './reference';
import type { Target } from './target';

export interface TargetRequest {
  name: string;
  endpoint?: string;
  /** The region to run in; otherwise AWS_REGION (us-east-1 for the emulators). */
  region?: string;
  mutants?: string[];
}

/** The environment a target reads, with AWS_REGION set when a region was asked for. */
function envFor(req: TargetRequest): Record<string, string | undefined> {
  return req.region ? { ...process.env, AWS_REGION: req.region } : process.env;
}

const BUILT_IN: Record<string, (req: TargetRequest) => Target> = {
  reference: (req) =>
    req.endpoint ? endpointTarget({ name: 'reference', url: req.endpoint, region: req.region }) : referenceTarget({ mutants: req.mutants, region: req.region }),
  aws: (req) => {
    if (req.endpoint) throw new UsageError('--endpoint cannot be used with --target aws: AWS endpoints come from the region.');
    return req.region ? awsTarget({ ...defaultAwsDeps, env: envFor(req) }) : awsTarget();
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
  const make = BUILT_IN[req.name];
  if (make) return make(req);
  if (req.endpoint) return endpointTarget({ name: req.name, url: req.endpoint, region: req.region });
  throw new UsageError(
    `Unknown target '${req.name}'. Expected one of: ${TARGET_NAMES.join(', ')}, or any name together with --endpoint URL.`,
  );
}
