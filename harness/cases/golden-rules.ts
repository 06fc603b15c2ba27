/**
 * A path of a case's steps, as findings name them (`InitiateAuth#1.output.AuthenticationResult.IdToken.claims.cognito:groups`,
 * `*` matching anything), with why the rule is there: a rule without a reason is refused.
 */
export interface PathRule {
  path: string;
  reason: string;
}

/**
 * What a case may ask of its golden beyond the default normalization, each
 * with a stated reason (localstack-snapshot's sorting transformers and skip
 * paths): `sort` keeps an array whose order AWS does not document sorted,
 * `skip` leaves a path out of the comparison with the baseline (the golden
 * still records it).
 */
export interface GoldenRules {
  sort?: PathRule[];
  skip?: PathRule[];
}

/** A reason a reader can act on: ten characters at least, like a deviation's. */
export const MIN_REASON_LENGTH = 10;
