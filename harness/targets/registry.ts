import { UsageError } from '../errors';
import { awsTarget } from './aws';
import { cognitoLocalTarget } from './cognito-local';
import { endpointTarget } from './endpoint';
import { localStackTarget } from './localstack';
import { motoTarget } from './moto';
import { referenceTarget } from './reference';
import type { Target } from './target';

export interface TargetRequest {
  name: string;
  endpoint?: string;
  mutants?: string[];
}

const BUILT_IN: Record<string, (req: TargetRequest) => Target> = {
  reference: (req) => (req.endpoint ? endpointTarget({ name: 'reference', url: req.endpoint }) : referenceTarget({ mutants: req.mutants })),
  aws: (req) => {
    if (req.endpoint) throw new UsageError('--endpoint cannot be used with --target aws: AWS endpoints come from the region.');
    return awsTarget();
  },
  // Started by idchain unless --endpoint points at one already running.
  moto: (req) => motoTarget({ endpoint: req.endpoint }),
  'cognito-local': (req) => cognitoLocalTarget({ endpoint: req.endpoint }),
  localstack: (req) => localStackTarget({ endpoint: req.endpoint }),
};

export const TARGET_NAMES = Object.keys(BUILT_IN);

/**
 * Resolve a target by name. Any other name is accepted only with `--endpoint`,
 * which points the harness at an emulator someone else runs.
 */
export function resolveTarget(req: TargetRequest): Target {
  const make = BUILT_IN[req.name];
  if (make) return make(req);
  if (req.endpoint) return endpointTarget({ name: req.name, url: req.endpoint });
  throw new UsageError(
    `Unknown target '${req.name}'. Expected one of: ${TARGET_NAMES.join(', ')}, or any name together with --endpoint URL.`,
  );
}
