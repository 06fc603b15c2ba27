import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateOpenIDConnectProviderCommand,
  CreateSAMLProviderCommand,
  GetOpenIDConnectProviderCommand,
  GetRoleCommand,
  GetSAMLProviderCommand,
  ListOpenIDConnectProvidersCommand,
  ListSAMLProvidersCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleWithSAMLCommand } from '@aws-sdk/client-sts';
import { SamlIdentityProvider, openSession, type Clients, type FixtureSpec, type Session, type TrustRefs } from '../harness';
import { readLedger } from '../harness/provisioning/ledger';
import { sweep } from '../harness/provisioning/sweep';

// OIDC and SAML providers are fixture resources like any other: created from the
// spec, named in the ledger, deleted by teardown and by sweep. Checked against
// what IAM on the emulator answers, not against the harness's own bookkeeping.
const work = mkdtempSync(join(tmpdir(), 'idchain-federation-fx-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const spec: FixtureSpec = {
  userPools: { up: { clients: { web: { authFlows: ['USER_PASSWORD_AUTH'] }, other: { authFlows: ['USER_PASSWORD_AUTH'] } }, users: { ana: {} } } },
  oidcProviders: { pool: { userPool: 'up', clients: ['web'] } },
  samlProviders: { corp: {} },
  roles: {
    backend: { trust: { document: (r) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: r.callerArn }, Action: 'sts:AssumeRole' }] }) } },
    web: {
      trust: {
        document: (r) => ({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Federated: r.oidcProvider('pool').arn },
              Action: 'sts:AssumeRoleWithWebIdentity',
              Condition: { StringEquals: { [`${r.oidcProvider('pool').conditionKeyPrefix}:sub`]: r.userSub('up', 'ana') } },
            },
            { Effect: 'Allow', Principal: { AWS: r.roleArn('backend') }, Action: 'sts:AssumeRole' },
          ],
        }),
      },
    },
    saml: {
      trust: {
        document: (r) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: r.samlProvider('corp').arn }, Action: 'sts:AssumeRoleWithSAML' }] }),
      },
    },
  },
};

/** A session on a fresh reference emulator with this run id, its ledger in `work/<dir>`; what it leaves, it leaves. */
async function withSession<T>(runId: string, dir: string, fn: (session: Session, clients: Clients) => Promise<T>): Promise<T> {
  const session = await openSession({ runId, ledgerDir: join(work, dir) });
  try {
    return await fn(session, session.clients);
  } finally {
    await session.release();
  }
}

async function providersLeft(clients: Clients) {
  const oidc = await clients.iam.send(new ListOpenIDConnectProvidersCommand({}));
  const saml = await clients.iam.send(new ListSAMLProvidersCommand({}));
  return { oidc: oidc.OpenIDConnectProviderList?.length ?? 0, saml: saml.SAMLProviderList?.length ?? 0 };
}

test('providers are registered from the spec, trust documents name them, and teardown deletes them', async () => {
  await withSession('feedf00d', 'ledger-a', async (session, clients) => {
    const fx = await session.provision(spec, 'fed');

    const oidc = fx.oidcProvider('pool');
    expect(oidc.issuer).toBe(`https://cognito-idp.${session.target.region}.amazonaws.com/${fx.userPool('up').id}`);
    const registered = await clients.iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: oidc.arn }));
    // IAM-API GetOpenIDConnectProvider: Url without the scheme; ClientIDList as given.
    expect(registered.Url).toBe(oidc.issuer.slice('https://'.length));
    expect(registered.ClientIDList).toEqual([fx.client('up', 'web').id]);
    expect(registered.Tags?.map((t) => t.Key).sort()).toEqual(['idchain:expires', 'idchain:run']);

    const saml = fx.samlProvider('corp');
    expect(saml.arn).toBe(`arn:aws:iam::${fx.caller.accountId}:saml-provider/idchain-feedf00d-fed-corp`);
    const metadata = await clients.iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: saml.arn }));
    expect(metadata.SAMLMetadataDocument).toContain(`entityID="${saml.idp.entityId}"`);

    const trust = JSON.parse(decodeURIComponent((await clients.iam.send(new GetRoleCommand({ RoleName: fx.role('web').name }))).Role!.AssumeRolePolicyDocument!));
    expect(trust.Statement[0].Condition.StringEquals[`${oidc.conditionKeyPrefix}:sub`]).toBe(fx.user('up', 'ana').sub);
    expect(fx.user('up', 'ana').sub).toMatch(/^[0-9a-f-]{36}$/);
    expect(trust.Statement[1].Principal.AWS).toBe(fx.role('backend').arn);
    expect(fx.role('web').id).toMatch(/^AROA/);
    expect(fx.caller.arn).toBe(`arn:aws:iam::${fx.caller.accountId}:user/idchain-admin`);

    // The provider works end to end: the IdP's assertion is accepted for the role that trusts it.
    const assertion = saml.idp.assertion({ roles: [{ roleArn: fx.role('saml').arn, providerArn: saml.arn }], nameId: 'ana', roleSessionName: 'ana' });
    const out = await clients.sts.send(new AssumeRoleWithSAMLCommand({ RoleArn: fx.role('saml').arn, PrincipalArn: saml.arn, SAMLAssertion: assertion }));
    expect(out.Issuer).toBe(saml.idp.entityId);

    expect(await providersLeft(clients)).toEqual({ oidc: 1, saml: 1 });
    const torn = await session.teardown();
    expect(torn.failures).toEqual([]);
    expect(await providersLeft(clients)).toEqual({ oidc: 0, saml: 0 });
    expect(readdirSync(join(work, 'ledger-a'))).toEqual([]);
  });
});

test('a fixture that fails after its providers exist leaves no provider behind once torn down', async () => {
  await withSession('feedf00e', 'ledger-b', async (session, clients) => {
    const { ledger } = session;
    // MaxSessionDuration must be 3600–43200 (IAM-API CreateRole). The refused role's trust names both providers, so
    // it is created only once they exist: the failure comes after them, whatever else runs alongside.
    const trustsBoth = {
      document: (r: TrustRefs) => ({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { Federated: r.samlProvider('corp').arn }, Action: 'sts:AssumeRoleWithSAML' },
          { Effect: 'Allow', Principal: { Federated: r.oidcProvider('pool').arn }, Action: 'sts:AssumeRoleWithWebIdentity' },
        ],
      }),
    };
    const broken: FixtureSpec = { ...spec, roles: { ...spec.roles, refused: { trust: trustsBoth, maxSessionDuration: 60 } } };
    await expect(session.provision(broken, 'fed')).rejects.toThrow(/Could not create role refused/);
    const outstanding = ledger.outstanding().map((e) => e.name.replace('idchain-feedf00e-fed-', ''));
    expect(outstanding).toEqual(expect.arrayContaining(['corp', 'oidc-pool', 'refused', 'up']));
    expect(await providersLeft(clients)).toEqual({ oidc: 1, saml: 1 });
    await session.teardown();
    expect(await providersLeft(clients)).toEqual({ oidc: 0, saml: 0 });
  });
});

test('a provider whose create answer was lost is still deleted: its ARN was ledgered before the call', async () => {
  await withSession('feedf00f', 'ledger-d', async (session, clients) => {
    const { ledger } = session;
    const idp = await SamlIdentityProvider.create('https://idp.example.test/lost');
    const created = await clients.iam.send(new CreateSAMLProviderCommand({ Name: 'idchain-feedf00f-lost', SAMLMetadataDocument: idp.metadataXml() }));
    // What a crash between the create and its answer leaves: a `creating` line with the expected ARN, no `created` line.
    ledger.creating('saml-provider', 'idchain-feedf00f-lost', { id: created.SAMLProviderArn });
    expect(await providersLeft(clients)).toEqual({ oidc: 0, saml: 1 });
    expect((await session.teardown()).failures).toEqual([]);
    expect(await providersLeft(clients)).toEqual({ oidc: 0, saml: 0 });
  });
});

test('the ledger names each provider with the ARN IAM gives it, before the create returns', async () => {
  await withSession('feedf010', 'ledger-e', async (session) => {
    const { ledger } = session;
    const fx = await session.provision({ userPools: spec.userPools, oidcProviders: spec.oidcProviders, samlProviders: spec.samlProviders }, 'fed');
    const creating = readLedger(ledger.file).entries.filter((e) => e.op === 'creating' && e.kind !== 'user-pool');
    expect(creating.map((e) => [e.kind, e.id])).toEqual([
      ['oidc-provider', fx.oidcProvider('pool').arn],
      ['saml-provider', fx.samlProvider('corp').arn],
    ]);
    await session.teardown();
  });
});

test('a trust may name a role declared after it: what a trust names is created first', async () => {
  await withSession('feedf011', 'ledger-f', async (session, clients) => {
    const later: FixtureSpec = {
      roles: {
        early: { trust: { document: (r) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: r.roleArn('late') }, Action: 'sts:AssumeRole' }] }) } },
        late: { trust: spec.roles!.backend.trust },
      },
    };
    const fx = await session.provision(later, 'fed');
    const trust = JSON.parse(decodeURIComponent((await clients.iam.send(new GetRoleCommand({ RoleName: fx.role('early').name }))).Role!.AssumeRolePolicyDocument!));
    expect(trust.Statement[0].Principal.AWS).toBe(fx.role('late').arn);
    expect((await session.teardown()).failures).toEqual([]);
  });
});

test('a trust naming an undeclared role is refused before anything is created, naming both', async () => {
  await withSession('feedf012', 'ledger-g', async (session) => {
    const { ledger } = session;
    const wrong: FixtureSpec = {
      roles: { early: { trust: { document: (r) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: r.roleArn('nobody') }, Action: 'sts:AssumeRole' }] }) } } },
    };
    await expect(session.provision(wrong, 'fed')).rejects.toThrow(
      "role 'early' names role 'nobody', which the fixture does not declare. Declared roles: early.",
    );
    expect(ledger.outstanding()).toEqual([]); // nothing was attempted
  });
});

test('sweep deletes a crashed run’s providers by ledger, unledgered ones by name or tag, and leaves others alone', async () => {
  await withSession('deadbeef', 'ledger-c', async (session, clients) => {
    const ledgerDir = join(work, 'ledger-c');
    const region = session.target.region;
    await session.provision({ userPools: spec.userPools, oidcProviders: spec.oidcProviders, samlProviders: spec.samlProviders }, 'crash');
    // No teardown: the run "crashed". Also an unledgered provider of each kind from an earlier run, and someone else's.
    const idp = await SamlIdentityProvider.create('https://idp.example.test/other');
    await clients.iam.send(new CreateSAMLProviderCommand({ Name: 'idchain-0badf00d-orphan', SAMLMetadataDocument: idp.metadataXml() }));
    await clients.iam.send(new CreateSAMLProviderCommand({ Name: 'team-okta', SAMLMetadataDocument: idp.metadataXml() }));
    const old = new Date(Date.now() - 3 * 3_600_000).toISOString();
    const orphanUrl = `https://cognito-idp.${region}.amazonaws.com/${region}_orphan0001`;
    await clients.iam.send(
      new CreateOpenIDConnectProviderCommand({ Url: orphanUrl, ClientIDList: ['x'], Tags: [{ Key: 'idchain:run', Value: '0badf00d' }, { Key: 'idchain:expires', Value: old }] }),
    );
    await clients.iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'https://token.actions.githubusercontent.com', ClientIDList: ['sts.amazonaws.com'] }));

    const later = new Date(Date.now() + 3 * 3_600_000);
    const place = { target: 'reference', targetKind: 'emulator' as const, endpoint: session.target.endpoint, region, services: session.target.services };
    const reach = async () => ({ clients, account: session.account, close: async () => {} });
    const done = await sweep({ ledgerDir, select: { target: 'reference' }, scan: place, olderThanMs: 7_200_000, now: later, dryRun: false, reach });
    const swept = [
      ...done.ledgers.flatMap((l) => l.resources.map((r) => [r.kind, 'ledger', l.runId, r.status])),
      ...(done.scan?.resources ?? []).map((r) => [r.kind, 'prefix', r.runId, r.status]),
    ];
    expect(swept.sort()).toEqual([
      ['oidc-provider', 'ledger', 'deadbeef', 'deleted'],
      ['oidc-provider', 'prefix', '0badf00d', 'deleted'],
      ['saml-provider', 'ledger', 'deadbeef', 'deleted'],
      ['saml-provider', 'prefix', '0badf00d', 'deleted'],
      ['user-pool', 'ledger', 'deadbeef', 'deleted'],
    ]);
    const oidcLeft = await clients.iam.send(new ListOpenIDConnectProvidersCommand({}));
    expect(oidcLeft.OpenIDConnectProviderList?.map((p) => p.Arn?.split('oidc-provider/')[1])).toEqual(['token.actions.githubusercontent.com']);
    const samlLeft = await clients.iam.send(new ListSAMLProvidersCommand({}));
    expect(samlLeft.SAMLProviderList?.map((p) => p.Arn?.split('saml-provider/')[1])).toEqual(['team-okta']);
  });
});

test("one run's SAML providers carry one IdP certificate; another run's, and a forger's, carry others", async () => {
  const certificateOf = (metadata: string) => /<ds:X509Certificate>([^<]+)</.exec(metadata)?.[1];
  const providers = { samlProviders: { corp: {}, partner: { entityId: 'https://idp.example.invalid/partner' } } };
  const [one, other] = await Promise.all(
    ['feedf020', 'feedf021'].map((runId, i) =>
      withSession(runId, `shared-key-${i}`, async (session) => {
        const fx = await session.provision(providers, 'shared');
        const corp = fx.samlProvider('corp').idp;
        const certificates = [certificateOf(corp.metadataXml()), certificateOf(fx.samlProvider('partner').idp.metadataXml()), certificateOf((await corp.impostor()).metadataXml())];
        await session.teardown();
        return certificates;
      }),
    ),
  );
  const [corp, partner, forger] = one!;
  expect(corp).toMatch(/^MII/); // a DER certificate, base64
  expect(partner).toBe(corp);
  expect(forger).not.toBe(corp);
  expect(other![0]).not.toBe(corp);
});
