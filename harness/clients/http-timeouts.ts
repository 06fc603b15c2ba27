/** How long one SDK call may wait: to connect, and for the whole answer. */
export interface HttpTimeouts {
  /** To establish the TCP (and TLS) connection. */
  connectionMs: number;
  /** From sending the request to the end of the answer; each retry gets its own. */
  requestMs: number;
}

/**
 * Long enough for AWS on a slow network, short enough that an endpoint which
 * accepts a connection and never answers cannot hold a run for long. Kept
 * apart from http-handler.ts so the CLI can show these defaults in --help and
 * `idchain emulator` can start without loading the SDK's HTTP handler.
 */
export const DEFAULT_HTTP_TIMEOUTS: HttpTimeouts = { connectionMs: 10_000, requestMs: 60_000 };
