import { AwsServiceError } from '../errors';
import type { RequestContext } from '../service';

/** STS GetCallerIdentity: needs no permission, answers who signed the call (STS-API GetCallerIdentity). */
export function getCallerIdentity(_input: unknown, ctx: RequestContext) {
  const caller = ctx.caller;
  if (!caller) throw new AwsServiceError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403);
  return { UserId: caller.userId, Account: caller.accountId, Arn: caller.arn };
}
