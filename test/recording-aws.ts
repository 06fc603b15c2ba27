import type { Clients } from '../harness';

/**
 * A fake AWS for provisioning order, no network: every identifier it hands
 * out carries a token `fake<N>x`, registered only when its answer is given.
 * A request that names a token not yet answered — or a group, user or role
 * by a name whose create has not answered — names a resource before it
 * exists: that is recorded as a violation, as AWS would refuse it
 * (ResourceNotFoundException, NoSuchEntity). Answers come after a short,
 * seeded random delay, so calls overlap and finish out of order.
 */
export class RecordingAws {
  readonly violations: string[] = [];
  readonly calls: string[] = [];
  maxInFlight = 0;
  private inFlight = 0;
  private next = 1;
  private readonly answered = new Set<string>();
  private seed: number;

  constructor(seed = 1) {
    this.seed = seed;
  }

  private random(): number {
    // mulberry32: a small seeded generator, so a failure can be replayed.
    let t = (this.seed += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  private token(): string {
    return `fake${this.next++}x`;
  }

  /** Check what a request names, the way the service would before acting on it. */
  private check(operation: string, input: Record<string, any>): void {
    const named = [...JSON.stringify(input).matchAll(/fake\d+x/g)].map((m) => m[0]);
    for (const token of named) if (!this.answered.has(token)) this.violations.push(`${operation} names ${token} before its create answered`);
    const need = (what: string) => {
      if (!this.answered.has(what)) this.violations.push(`${operation} names ${what} before its create answered`);
    };
    if (operation === 'PutRolePolicy') need(`role:${input.RoleName}`);
    if (operation === 'AdminSetUserPassword') need(`user:${input.UserPoolId}/${input.Username}`);
    if (operation === 'AdminAddUserToGroup') {
      need(`user:${input.UserPoolId}/${input.Username}`);
      need(`group:${input.UserPoolId}/${input.GroupName}`);
    }
    if (['PutBucketTagging', 'PutObject', 'PutBucketPolicy'].includes(operation)) need(`bucket:${input.Bucket}`);
  }

  /** The answer, and the names it makes exist once given. */
  private answer(operation: string, input: Record<string, any>): { output: Record<string, unknown>; makes: string[] } {
    const t = this.token();
    switch (operation) {
      case 'GetCallerIdentity':
        return { output: { Arn: 'arn:aws:iam::123456789012:user/idchain-admin', Account: '123456789012', UserId: 'AIDAJQABLZS4A3QDU576Q' }, makes: [] };
      case 'CreateUserPool':
        return { output: { UserPool: { Id: `us-east-1_${t}` } }, makes: [t] };
      case 'CreateUserPoolClient':
        return { output: { UserPoolClient: { ClientId: t, ClientSecret: input.GenerateSecret ? `secret-${t}` : undefined } }, makes: [t] };
      case 'CreateGroup':
        return { output: {}, makes: [`group:${input.UserPoolId}/${input.GroupName}`] };
      case 'AdminCreateUser':
        return { output: { User: { Attributes: [{ Name: 'sub', Value: `00000000-${t}` }] } }, makes: [t, `user:${input.UserPoolId}/${input.Username}`] };
      case 'CreateIdentityPool':
        return { output: { IdentityPoolId: `us-east-1:${t}` }, makes: [t] };
      case 'CreateRole':
        return { output: { Role: { Arn: `arn:aws:iam::123456789012:role/${t}/${input.RoleName}`, RoleId: `AROA${t}` } }, makes: [t, `role:${input.RoleName}`] };
      case 'CreateOpenIDConnectProvider':
        return { output: { OpenIDConnectProviderArn: `arn:aws:iam::123456789012:oidc-provider/${t}/${String(input.Url).replace('https://', '')}` }, makes: [t] };
      case 'CreateSAMLProvider':
        return { output: { SAMLProviderArn: `arn:aws:iam::123456789012:saml-provider/${t}-${input.Name}` }, makes: [t] };
      case 'CreateBucket':
        return { output: {}, makes: [`bucket:${input.Bucket}`] };
      default:
        return { output: {}, makes: [] };
    }
  }

  async send(command: { constructor: { name: string }; input: Record<string, any> }): Promise<unknown> {
    const operation = command.constructor.name.replace(/Command$/, '');
    this.calls.push(operation);
    this.check(operation, command.input);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    const { output, makes } = this.answer(operation, command.input);
    await new Promise((resolve) => setTimeout(resolve, Math.floor(this.random() * 4)));
    this.inFlight--;
    for (const m of makes) this.answered.add(m);
    return output;
  }

  /** The clients a fixture is provisioned with: every service answers from this fake. */
  clients(): Clients {
    const client = { send: (command: never) => this.send(command), destroy() {} } as never;
    return { idp: client, identity: client, sts: client, iam: client, s3: client, stsWith: () => client, iamWith: () => client, s3With: () => client, destroy() {} };
  }
}
