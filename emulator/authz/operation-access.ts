import type { AwsServiceError } from '../errors';
import type { PolicyRequest } from '../policy/types';
import type { RequestContext } from '../request-context';
import type { Principal } from '../principal';
import { accessDeniedMessage, authorize, type AuthzDecision, type AuthzRequest } from './authorize';

type Input = Record<string, unknown>;

/** A resource an action acts on: its ARN, and how AccessDenied names it when that differs. */
export interface ResourceRef {
  arn: string;
  shown?: string;
}

/**
 * The IAM action one operation needs, as the Service Authorization Reference
 * lists it ("Actions, resources, and condition keys for …"): the action, the
 * resource ARN(s) the input names, and the request's condition keys.
 */
export interface Permission {
  action: string;
  /**
   * The resources, or undefined when the input names none it could act on
   * (a missing or malformed identifier): the operation's own validation then
   * answers, as it would for anyone.
   */
  resources(input: Input, ctx: RequestContext): ResourceRef[] | undefined;
  context?(input: Input, ctx: RequestContext): PolicyRequest['context'];
  /** Further permissions the same call needs (e.g. `iam:PassRole` for the roles it hands to a service). */
  also?(input: Input, ctx: RequestContext): Permission[];
}

/** An operation the table does not authorize, and why (AWS does not, or the handler does it itself). */
export interface NotChecked {
  notChecked: string;
}

export type OperationAccess = Permission | NotChecked;

/**
 * A service whose resources carry their own policies (S3's bucket policies):
 * how the resource's policy joins the caller's identity-based decision, and
 * how a denial is worded. Such a service also decides anonymous requests,
 * which only a resource-based policy can allow.
 */
export interface ResourceBasedAccess {
  /** The `combine` step authorize.ts applies for this request. */
  combine(input: Input, ctx: RequestContext): NonNullable<AuthzRequest['combine']>;
  /** How the caller's policies are read, when not as written (S3's mutants). */
  view?(ctx: RequestContext): AuthzRequest['view'];
  /** The denial's message, for a caller or for an anonymous request. */
  message(caller: Principal | undefined, action: string, resource: string, outcome: AuthzDecision): string;
}

/** How one service authorizes its operations, and how it answers a denial. */
export interface ServiceAccess {
  readonly operations: Readonly<Record<string, OperationAccess>>;
  /** The service's AccessDenied error for this message. */
  denied(message: string): AwsServiceError;
  readonly resourceBased?: ResourceBasedAccess;
}

export function resourceArn(arn: string, shown?: string): ResourceRef[] {
  return [{ arn, shown }];
}

/** For actions without a resource type: the policy's Resource must be `*` [doc: SAR "Actions table", Resource types column]. */
export const ANY_RESOURCE = (): ResourceRef[] => [{ arn: '*' }];

/**
 * The AccessDenied one permission meets, or undefined when the caller may use
 * it on every resource it names. For checks that choose their answer by the
 * outcome (S3's NoSuchKey or AccessDenied) as well as for the tables.
 */
export function accessRefusal(access: ServiceAccess, permission: Permission, input: Input, ctx: RequestContext): AwsServiceError | undefined {
  const resources = permission.resources(input, ctx);
  if (!resources) return undefined;
  const { caller } = ctx;
  const extra = access.resourceBased;
  const context = permission.context?.(input, ctx);
  for (const resource of resources) {
    const outcome = authorize(ctx.state, caller, {
      action: permission.action,
      resource: resource.arn,
      context,
      now: ctx.now,
      view: extra?.view?.(ctx),
      combine: extra?.combine(input, ctx),
    });
    if (outcome.decision === 'Allow') continue;
    const shown = resource.shown ?? resource.arn;
    const message = extra ? extra.message(caller, permission.action, shown, outcome) : accessDeniedMessage(caller!.arn, permission.action, shown, outcome);
    return access.denied(message);
  }
  return undefined;
}

/**
 * Authorize one operation for the caller that signed it. Unsigned calls
 * (GetId, InitiateAuth, AssumeRoleWithWebIdentity, …) have no caller and
 * nothing to authorize, except where a resource-based policy decides
 * anonymous requests (S3). Every operation must have an entry: a missing one
 * is a bug in the emulator, not a permission.
 */
export function checkOperationAccess(access: ServiceAccess, operation: string, input: Input, ctx: RequestContext): void {
  if (!ctx.caller && !access.resourceBased) return;
  const entry = Object.prototype.hasOwnProperty.call(access.operations, operation) ? access.operations[operation] : undefined;
  if (!entry) throw new Error(`No authorization entry for ${ctx.service}:${operation}`);
  if ('notChecked' in entry) return;
  for (const permission of [entry, ...(entry.also?.(input, ctx) ?? [])]) {
    const refusal = accessRefusal(access, permission, input, ctx);
    if (refusal) throw refusal;
  }
}

/** Request-tag condition keys from `Tags: [{Key, Value}]` [doc: IAM-UG "aws:RequestTag/tag-key", "aws:TagKeys"]. */
export function requestTagContext(tags: unknown): PolicyRequest['context'] {
  if (!Array.isArray(tags)) return {};
  const context: PolicyRequest['context'] = {};
  const keys: string[] = [];
  for (const tag of tags) {
    const key = (tag as { Key?: unknown } | null)?.Key;
    const value = (tag as { Value?: unknown } | null)?.Value;
    if (typeof key !== 'string') continue;
    keys.push(key);
    if (typeof value === 'string') context[`aws:RequestTag/${key}`] = value;
  }
  return keys.length > 0 ? { ...context, 'aws:TagKeys': keys } : context;
}

/**
 * `aws:RequestTag/<key>` and `aws:TagKeys` of the tags a create sends as a map
 * (`UserPoolTags`, `IdentityPoolTags`) [doc: SAR, CreateUserPool and
 * CreateIdentityPool condition keys aws:RequestTag/${TagKey}, aws:TagKeys]. A
 * pool's ARN carries its id, not a name, so tags are how a policy scopes pools.
 */
export function requestTagMap(tags: unknown): PolicyRequest['context'] {
  if (!tags || typeof tags !== 'object' || Array.isArray(tags)) return {};
  return requestTagContext(Object.entries(tags as Record<string, unknown>).map(([Key, Value]) => ({ Key, Value })));
}
