/**
 * Golden skips for what a run's configuration decides rather than AWS: a run
 * as the CI runner (`--as-runner`, or the nightly job) puts
 * ci/aws/boundary-policy.json on every role it creates, a run as an
 * administrator puts none, so a GetRole answer's PermissionsBoundary says how
 * the run was set up, not how AWS behaves.
 */
export function roleBoundaryIsRunConfiguration(step = 'GetRole') {
  return {
    path: `${step}#*.output.Role.PermissionsBoundary`,
    reason: "the run's configuration, not AWS's behaviour: a run as the CI runner puts ci/aws/boundary-policy.json on every role it creates, a run as an administrator puts none",
  };
}
