import type { Operation, RequestContext } from '../service';
import { authorize, refuseSessionCredentials } from './authorize';
import { PATH_PREFIX, ROLE_NAME, str } from './role-input';
import { roleByName } from './state';
import { Violations } from './validation';
import { iamArn } from '../region';

type Input = Record<string, unknown>;

/** Wrap an IAM operation so session credentials IAM does not take are refused first (authorize.ts). */
export function refusingSessionCredentials(op: Operation): Operation {
  return (input, ctx) => {
    refuseSessionCredentials(ctx.state, ctx.caller);
    return op(input, ctx);
  };
}

/** The resource an IAM request acts on, and how AccessDenied names it. */
export interface IamResource {
  arn: string;
  shown: string;
}

/**
 * The role named by `RoleName`: its ARN (with its path) when it exists, else
 * the ARN it would have at the root path, shown as "role <name>". Undefined
 * when the name is malformed: the operation's own validation answers first.
 */
export function roleResource(input: Input, ctx: RequestContext): IamResource | undefined {
  const name = str(input, 'RoleName');
  if (new Violations().string(name, 'roleName', ROLE_NAME).messages.length > 0) return undefined;
  const role = roleByName(ctx.state.iam, name!);
  return { arn: role?.arn ?? iamArn(ctx.state.region, ctx.state.accountId, `role/${name}`), shown: `role ${name}` };
}

/**
 * ListRoles acts on `arn:aws:iam::<acct>:role<PathPrefix>` and shows that ARN
 * [obs: "is not authorized to perform: iam:ListRoles on resource:
 * arn:aws:iam::921234892411:role/ because no identity-based policy allows the
 * iam:ListRoles action"; with a prefix, "…:role/aws-service-role/opensearchservice.amazonaws.com/"].
 */
export function rolePathResource(input: Input, ctx: RequestContext): IamResource | undefined {
  const prefix = str(input, 'PathPrefix');
  if (new Violations().string(prefix, 'pathPrefix', PATH_PREFIX).messages.length > 0) return undefined;
  const arn = iamArn(ctx.state.region, ctx.state.accountId, `role${prefix ?? '/'}`);
  return { arn, shown: arn };
}

/**
 * Wrap an IAM read operation with an authorization check for callers whose
 * permissions the emulator models (role sessions, with their session policy).
 * Only a few read operations are checked: enough for a contract case to show
 * a session policy narrowing what the role allows.
 */
export function authorized(action: string, resourceOf: (input: Input, ctx: RequestContext) => IamResource | undefined, op: Operation): Operation {
  return (input, ctx) => {
    const resource = resourceOf(input, ctx);
    if (resource) authorize(ctx.state, ctx.caller, { action, resource: resource.arn, shownResource: resource.shown, now: ctx.now });
    return op(input, ctx);
  };
}
