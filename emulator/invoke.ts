import { checkOperationAccess } from './authz/operation-access';
import type { RequestContext, ServiceDefinition } from './service';

/**
 * Run one operation for an authenticated (or unsigned) request: refuse
 * credentials the service does not take, authorize the action the operation
 * needs, then run its handler. The router calls this after the signature is
 * verified; unit tests call it to exercise authorization without HTTP.
 */
export async function invokeOperation(service: ServiceDefinition, operation: string, input: Record<string, unknown>, ctx: RequestContext): Promise<unknown> {
  const handler = Object.prototype.hasOwnProperty.call(service.operations, operation) ? service.operations[operation] : undefined;
  if (!handler) throw new Error(`${service.name} has no operation ${operation}`);
  if (ctx.caller) service.admit?.(ctx.caller, ctx.state);
  checkOperationAccess(service.access, operation, input, ctx);
  return handler(input, ctx);
}
