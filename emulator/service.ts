import type { EmulatorState } from './state';
import type { Principal } from './principal';
import type { IncomingRequest } from './auth/sigv4';
import type { ServiceAccess } from './authz/operation-access';
import type { RequestContext, ServiceName } from './request-context';
import type { WireResponse } from './protocol/wire';

export type { RequestContext, ServiceName } from './request-context';

/**
 * An operation handler. awsJson services receive the parsed JSON body; awsQuery
 * services receive the form decoded into nested objects and arrays (all leaf
 * values are strings, as on the wire). Throw AwsServiceError to answer an error.
 */
export type Operation = (input: any, ctx: RequestContext) => unknown | Promise<unknown>;

export interface HttpRoute {
  method: 'GET';
  /** Matched against the URL path; captures are passed to the handler. */
  pattern: RegExp;
  /** `request` lets a route build absolute URLs from the Host the caller used. */
  handle(
    match: RegExpMatchArray,
    state: EmulatorState,
    request: IncomingRequest,
  ): Promise<{ status: number; body: unknown }> | { status: number; body: unknown };
}

/**
 * A REST service (S3's restXml) routes by method, path and query rather than
 * by an operation name in the request, so it takes whole requests: those
 * protocol/request-protocol.ts finds written in its protocol.
 */
export interface RestService {
  /** The names of the operations it serves: its access table has an entry for each. */
  readonly operations: readonly string[];
  /** Answer a request; `operation` and `errorCode` feed the router's observer. */
  handle(request: IncomingRequest, requestId: string): Promise<{ response: WireResponse; operation: string; errorCode?: string }>;
}

export interface ServiceDefinition {
  readonly name: ServiceName;
  readonly protocol: 'awsJson1_1' | 'awsQuery' | 'restXml';
  /** SigV4 signing name, as in the credential scope. */
  readonly signingName: string;
  /** awsJson1_1: the X-Amz-Target prefix, e.g. `AWSCognitoIdentityService`. */
  readonly targetPrefix?: string;
  /** awsQuery: the API version sent in the form and the XML namespace answered. */
  readonly queryVersion?: string;
  readonly xmlNamespace?: string;
  readonly operations: Readonly<Record<string, Operation>>;
  /** Operations AWS serves without a signature. Others need one. */
  readonly unsignedOperations: ReadonlySet<string>;
  /** The action each operation needs and how a denial is answered (authz/operation-access.ts). */
  readonly access: ServiceAccess;
  /**
   * Refuse credentials the service does not take at all, before any
   * permission is looked at (IAM and federated-user credentials, for one).
   */
  admit?(caller: Principal, state: EmulatorState): void;
  readonly httpRoutes?: readonly HttpRoute[];
  /** restXml: the whole request path, see RestService. */
  readonly rest?: RestService;
}
