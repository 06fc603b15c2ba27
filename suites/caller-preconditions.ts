import type { CaseContext, CaseDefinition } from '../harness';

const LONG_TERM_USER =
  'an IAM user signing with long-term keys (STS-API GetFederationToken: "You must call the GetFederationToken operation using the long-term security credentials of an IAM user"; GetSessionToken likewise)';

/**
 * Cases that call GetFederationToken or GetSessionToken, or assume a role
 * expecting no role-chaining cap, as the harness itself: they only mean
 * something when the harness signs as an IAM user. On the emulators it always
 * does; on AWS, CI may run as a role session (or root, which caps these
 * sessions at one hour), and then these are `unsupported` with the caller
 * named, not failures.
 */
export function requireIamUserCaller(ctx: CaseContext): void {
  // Only a caller known to be something else is refused: an ARN of no shape AWS uses (moto answers
  // arn:aws:sts::<acct>:user/moto) is left to the contract, which then reports what that target gets wrong.
  const known = ['root', 'assumed-role', 'federated-user'].includes(ctx.fx.caller.kind);
  ctx.expect.requires('caller', !known, LONG_TERM_USER, ctx.fx.caller.arn);
}

/** The same precondition on every case of a list. */
export function asIamUser(cases: CaseDefinition[]): CaseDefinition[] {
  return cases.map((c) => ({
    ...c,
    async run(ctx) {
      requireIamUserCaller(ctx);
      await c.run(ctx);
    },
  }));
}
