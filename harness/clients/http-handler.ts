import type { Agent as HttpAgent } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { HttpTimeouts } from './http-timeouts';

// Re-exported: callers that build clients take both from here.
export { DEFAULT_HTTP_TIMEOUTS, type HttpTimeouts } from './http-timeouts';

type HandleArgs = Parameters<NodeHttpHandler['handle']>;
type SdkAbortSignal = NonNullable<HandleArgs[1]>['abortSignal'];

/**
 * The SDK's own Node handler with both timeouts set (`throwOnRequestTimeout`,
 * or it only warns) and, when given, a signal that cancels every call in
 * flight: what lets an interrupt or a deadline stop a run that waits on a
 * silent endpoint, instead of waiting for each call's timeout.
 */
export class TimedHttpHandler extends NodeHttpHandler {
  constructor(
    timeouts: HttpTimeouts,
    private readonly signal?: AbortSignal,
    /** Connection pools to share with other handlers (kept-alive connections); the SDK's defaults without. */
    agents: { httpAgent?: HttpAgent; httpsAgent?: HttpsAgent } = {},
  ) {
    super({ connectionTimeout: timeouts.connectionMs, requestTimeout: timeouts.requestMs, throwOnRequestTimeout: true, ...agents });
  }

  override handle(request: HandleArgs[0], options: HandleArgs[1] = {}) {
    const own = options.abortSignal as AbortSignal | undefined;
    const abortSignal = own && this.signal ? AbortSignal.any([own, this.signal]) : (own ?? this.signal);
    return super.handle(request, { ...options, abortSignal: abortSignal as SdkAbortSignal });
  }
}
