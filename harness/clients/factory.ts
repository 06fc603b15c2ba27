import { setMaxListeners } from 'node:events';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { STSClient } from '@aws-sdk/client-sts';
import { IAMClient } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import type { Credentials, StartedTarget } from '../targets/target';
import { DEFAULT_HTTP_TIMEOUTS, TimedHttpHandler, type HttpTimeouts } from './http-handler';
import { hostMiddleware, hostMiddlewareOptions, recorderMiddleware, recorderMiddlewareOptions } from './recorder';
import { attemptMiddlewareOptions, callMiddlewareOptions, trafficMiddlewares, type Traffic } from './traffic';

// idchain pins its SDK version in the lockfile and supports Node 20; the SDK's
// notice about future releases needing Node 22 is not for idchain's users.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** The service clients a case uses, signed as the target's admin identity. */
export interface Clients {
  readonly idp: CognitoIdentityProviderClient;
  readonly identity: CognitoIdentityClient;
  readonly sts: STSClient;
  readonly iam: IAMClient;
  readonly s3: S3Client;
  /** An STS client signing with other credentials, e.g. those a flow obtained. */
  stsWith(credentials: Credentials): STSClient;
  /** An IAM client signing with other credentials: what a session may and may not do. */
  iamWith(credentials: Credentials): IAMClient;
  /** An S3 client signing with other credentials: what issued credentials may do to objects. */
  s3With(credentials: Credentials): S3Client;
  destroy(): void;
}

export interface ClientOptions {
  /** Per call; DEFAULT_HTTP_TIMEOUTS otherwise. */
  timeouts?: HttpTimeouts;
  /** Aborting it cancels every call in flight and refuses new ones (an interrupt, a deadline). */
  signal?: AbortSignal;
  /** The rate budget every attempt waits for and the log every call is written to (a weathered run). */
  traffic?: Traffic;
  /**
   * Attempts the SDK's standard retry strategy makes of a call that is
   * throttled or meets a transient fault (the SDK's default is 3).
   */
  maxAttempts?: number;
}

type AnyClient = { middlewareStack: { add: (mw: any, opts: any) => void }; destroy(): void };

function withRecorder<C extends AnyClient>(client: C, options: ClientOptions): C {
  client.middlewareStack.add(recorderMiddleware, recorderMiddlewareOptions);
  client.middlewareStack.add(hostMiddleware, hostMiddlewareOptions);
  if (options.traffic) {
    const { call, attempt } = trafficMiddlewares(options.traffic, options.signal);
    client.middlewareStack.add(call, callMiddlewareOptions);
    client.middlewareStack.add(attempt, attemptMiddlewareOptions);
  }
  return client;
}

export function createClients(target: Pick<StartedTarget, 'region' | 'endpoint' | 'credentials'> & { kind?: StartedTarget['kind'] }, options: ClientOptions = {}): Clients {
  // Every call in flight listens to the run's signal; a run with many at once is not a listener leak.
  if (options.signal) setMaxListeners(0, options.signal);
  const timeouts = options.timeouts ?? DEFAULT_HTTP_TIMEOUTS;
  // On AWS the SDK finds each service's endpoint from the region alone: an endpoint_url in
  // the shared config or AWS_ENDPOINT_URL* is never followed (the aws target refuses them too).
  const pinned = target.kind === 'aws' && !target.endpoint ? { ignoreConfiguredEndpointUrls: true } : {};
  const retries = options.maxAttempts ? { maxAttempts: options.maxAttempts, retryMode: 'standard' } : {};
  // One pool of kept-alive connections for every client of the session: the clients made for
  // credentials a flow obtained (stsWith, iamWith, s3With) reuse them instead of opening their own.
  const agents = { httpAgent: new HttpAgent({ keepAlive: true }), httpsAgent: new HttpsAgent({ keepAlive: true }) };
  // Not the SDK's cacheMiddleware: it also keeps the one handler context it resolved, so calls of
  // one command class in flight at once share it (the SDK's and the harness's per-call entries in it
  // with them): under --weather, cases then ran before their roles had propagated.
  const base = () => ({ region: target.region, endpoint: target.endpoint, ...pinned, ...retries, requestHandler: new TimedHttpHandler(timeouts, options.signal, agents) });
  // An emulator answers on one address: buckets go in the path there; AWS's own endpoints take them in the host name.
  const s3Base = () => ({ ...base(), forcePathStyle: target.endpoint !== undefined });
  const made: AnyClient[] = [];
  const track = <C extends AnyClient>(client: C): C => {
    made.push(client);
    return withRecorder(client, options);
  };
  // A flow's credentials sign several calls (a case asks STS who it is, then tries S3): one client per
  // credentials and service, not one per call, spares the SDK's config resolution each time.
  const signedWith = new Map<string, AnyClient>();
  const reuse = <C extends AnyClient>(kind: string, credentials: Credentials, make: () => C): C => {
    const key = `${kind}\n${credentials.accessKeyId}\n${credentials.secretAccessKey}\n${credentials.sessionToken ?? ''}`;
    let client = signedWith.get(key) as C | undefined;
    if (!client) signedWith.set(key, (client = track(make())));
    return client;
  };
  return {
    idp: track(new CognitoIdentityProviderClient({ ...base(), credentials: target.credentials })),
    identity: track(new CognitoIdentityClient({ ...base(), credentials: target.credentials })),
    sts: track(new STSClient({ ...base(), credentials: target.credentials })),
    iam: track(new IAMClient({ ...base(), credentials: target.credentials })),
    s3: track(new S3Client({ ...s3Base(), credentials: target.credentials })),
    stsWith: (credentials) => reuse('sts', credentials, () => new STSClient({ ...base(), credentials })),
    iamWith: (credentials) => reuse('iam', credentials, () => new IAMClient({ ...base(), credentials })),
    s3With: (credentials) => reuse('s3', credentials, () => new S3Client({ ...s3Base(), credentials })),
    destroy: () => {
      signedWith.clear();
      for (const client of made.splice(0)) client.destroy();
    },
  };
}
