import { validationError } from '../errors';
import type { Principal } from '../principal';

/**
 * The source identity of a new role session: "After a source identity is set,
 * … the value that is set persists when a role is used to assume another role
 * … The value that is set cannot be changed during the role session" [doc:
 * IAM-UG "Monitor and control actions taken with assumed roles"]. A chained
 * AssumeRole naming another value is refused with ValidationError "The source
 * identity is already set for this assume role session" [obs: recorded against
 * AWS in mahitotsu/gekko_08 experiments/multi-hop-propagation/RESULTS.md]; naming
 * the same value changes nothing and is accepted [inferred].
 */
export function chainedSourceIdentity(caller: Principal, requested: string | undefined): string | undefined {
  const inherited = caller.kind === 'assumed-role' ? caller.session?.sourceIdentity : undefined;
  if (inherited === undefined) return requested;
  if (requested !== undefined && requested !== inherited) throw validationError('The source identity is already set for this assume role session');
  return inherited;
}
