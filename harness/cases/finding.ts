/**
 * A difference between what a target did and what was expected: the contract
 * (AWS documentation) or the baseline golden. `path` names where, e.g.
 * `GetCredentialsForIdentity.error.name` or `idToken.cognito:preferred_role`.
 */
export interface Finding {
  path: string;
  kind: FindingKind;
  expected: unknown;
  actual: unknown;
  /** The documentation or observation the expectation comes from. */
  source?: string;
}

export type FindingKind =
  /** A contract assertion did not hold. */
  | 'contract'
  /** A call the contract says succeeds was refused. */
  | 'unexpected-error'
  /** A call the contract says is refused succeeded. */
  | 'unexpected-success'
  /** The operation is not implemented by the target. */
  | 'unsupported'
  /** A step differs from the baseline golden. */
  | 'golden'
  /** The baseline has no golden for this case: nothing to compare with. */
  | 'golden-missing'
  /** A known, reasoned departure listed in fixtures/deviations/<target>.json: reported, not failed. */
  | 'deviation';

/** A finding saying the target does not implement the operation, with what it answered. */
export function unsupportedFinding(path: string, evidence: string): Finding {
  return { path, kind: 'unsupported', expected: 'an implemented operation', actual: evidence };
}
