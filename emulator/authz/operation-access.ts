import type { AwsServiceError } from '../errors';
import type { PolicyRequest } from '../policy/types';
import type { RequestContext } from '../service';
import { accessDeniedMessage, authorize } from './authorize';

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

/** How one service authorizes its operations, and how it answers a denial. */
export interface ServiceAccess {
  readonly operations: Readonly<Record<string, OperationAccess>>;
  /** The service's AccessDenied error for this message. */
  denied(message: string): AwsServiceError;
}

export function resourceArn(arn: string, shown?: string): ResourceRef[] {
  return [{ arn, shown }];
}

/** For actions without a resource type: the policy's Resource must be `*` [doc: SAR "Actions table", Resource types column]. */
export const ANY_RESOURCE = (): ResourceRef[] => [{ arn: '*' }];

/**
 * Authorize one operation for the caller that signed it. Unsigned calls
 * (GetId, InitiateAuth, AssumeRoleWithWebIdentity, …) have no caller and
 * nothing to authorize. Every operation must have an entry: a missing one is
 * a bug in the emulator, not a permission.
 */
export function checkOperationAccess(access: ServiceAccess, operation: string, input: Input, ctx: RequestContext): void {
  const caller = ctx.caller;
  if (!caller) return;
  const entry = Object.prototype.hasOwnProperty.call(access.operations, operation) ? access.operations[operation] : undefined;
  if (!entry) throw new Error(`No authorization entry for ${ctx.service}:${operation}`);
  if ('notChecked' in entry) return;
  for (const permission of [entry, ...(entry.also?.(input, ctx) ?? [])]) {
    const resources = permission.resources(input, ctx);
    if (!resources) continue;
    const context = permission.context?.(input, ctx);
    for (const resource of resources) {
      const outcome = authorize(ctx.state, caller, { action: permission.action, resource: resource.arn, context, now: ctx.now });
      if (outcome.decision !== 'Allow') {
        throw access.denied(accessDeniedMessage(caller.arn, permission.action, resource.shown ?? resource.arn, outcome));
      }
    }
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
