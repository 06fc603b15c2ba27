import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { STSClient } from '@aws-sdk/client-sts';
import { IAMClient } from '@aws-sdk/client-iam';
import type { Credentials, StartedTarget } from '../targets/target';
import { recorderMiddleware, recorderMiddlewareOptions } from './recorder';

// idchain pins its SDK version in the lockfile and supports Node 20; the SDK's
// notice about future releases needing Node 22 is not for idchain's users.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** The four service clients a case uses, signed as the target's admin identity. */
export interface Clients {
  readonly idp: CognitoIdentityProviderClient;
  readonly identity: CognitoIdentityClient;
  readonly sts: STSClient;
  readonly iam: IAMClient;
  /** An STS client signing with other credentials, e.g. those a flow obtained. */
  stsWith(credentials: Credentials): STSClient;
  /** An IAM client signing with other credentials: what a session may and may not do. */
  iamWith(credentials: Credentials): IAMClient;
  destroy(): void;
}

type AnyClient = { middlewareStack: { add: (mw: any, opts: any) => void }; destroy(): void };

function withRecorder<C extends AnyClient>(client: C): C {
  client.middlewareStack.add(recorderMiddleware, recorderMiddlewareOptions);
  return client;
}

export function createClients(target: Pick<StartedTarget, 'region' | 'endpoint' | 'credentials'>): Clients {
  // One pool of kept-alive connections for every client of the session: the clients made for
  // credentials a flow obtained (stsWith, iamWith) reuse them instead of opening their own.
  const agents = { httpAgent: new HttpAgent({ keepAlive: true }), httpsAgent: new HttpsAgent({ keepAlive: true }) };
  const base = { region: target.region, endpoint: target.endpoint, requestHandler: agents };
  const made: AnyClient[] = [];
  const track = <C extends AnyClient>(client: C): C => {
    made.push(client);
    return withRecorder(client);
  };
  return {
    idp: track(new CognitoIdentityProviderClient({ ...base, credentials: target.credentials })),
    identity: track(new CognitoIdentityClient({ ...base, credentials: target.credentials })),
    sts: track(new STSClient({ ...base, credentials: target.credentials })),
    iam: track(new IAMClient({ ...base, credentials: target.credentials })),
    stsWith: (credentials) => track(new STSClient({ ...base, credentials })),
    iamWith: (credentials) => track(new IAMClient({ ...base, credentials })),
    destroy: () => {
      for (const client of made.splice(0)) client.destroy();
    },
  };
}
