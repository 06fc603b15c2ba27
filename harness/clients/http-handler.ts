import type { Agent as HttpAgent } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import { NodeHttpHandler } from '@smithy/node-http-handler';

/** How long one SDK call may wait: to connect, and for the whole answer. */
export interface HttpTimeouts {
  /** To establish the TCP (and TLS) connection. */
  connectionMs: number;
  /** From sending the request to the end of the answer; each retry gets its own. */
  requestMs: number;
}

/**
 * Long enough for AWS on a slow network, short enough that an endpoint which
 * accepts a connection and never answers cannot hold a run for long.
 */
export const DEFAULT_HTTP_TIMEOUTS: HttpTimeouts = { connectionMs: 10_000, requestMs: 60_000 };

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
