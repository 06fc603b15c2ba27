// Each identity-flow mutant, started by name, breaks what it says over the
// wire — and only under its name: the same calls on a clean emulator are
// checked in basic-flow, guest-developer and rules-linking.sdk.test.ts.
import { GetCredentialsForIdentityCommand, GetIdCommand, GetOpenIdTokenCommand } from '@aws-sdk/client-cognito-identity';
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { identityPoolTrust, startWorld, type World } from './sdk-test-support';

let world: World | undefined;
afterEach(async () => {
  await world?.stop();
  world = undefined;
});

async function guestToken(w: World, opts: { classic: boolean; guests?: boolean }) {
  const pool = await w.identityPool({ name: 'idchain mutant', allowGuests: opts.guests ?? true, classic: opts.classic });
  const { IdentityId } = await w.identity.send(new GetIdCommand({ IdentityPoolId: pool }));
  return { pool, IdentityId: IdentityId!, token: async () => (await w.identity.send(new GetOpenIdTokenCommand({ IdentityId }))).Token! };
}

test('duration-bounds-off: STS issues 899-second credentials', async () => {
  const w = (world = await startWorld(['duration-bounds-off']));
  const { pool, token } = await guestToken(w, { classic: true });
  const role = await w.role('mutant-guest', identityPoolTrust(pool, 'unauthenticated'));
  const sentAt = w.clock.now().getTime();
  const answer = await w.sts.send(
    new AssumeRoleWithWebIdentityCommand({ RoleArn: role.arn, RoleSessionName: 'mutant', WebIdentityToken: await token(), DurationSeconds: 899 }),
  );
  expect(answer.Credentials!.Expiration!.getTime() - sentAt).toBe(899_000);
});

test('classic-flow-flag-ignored: GetOpenIdToken answers on a pool without AllowClassicFlow', async () => {
  const w = (world = await startWorld(['classic-flow-flag-ignored']));
  const { token } = await guestToken(w, { classic: false });
  expect(await token()).toMatch(/^ey/);
});

test('guest-allowed-when-disabled: GetId without Logins answers on a pool without guests', async () => {
  const w = (world = await startWorld(['guest-allowed-when-disabled']));
  const pool = await w.identityPool({ name: 'idchain closed', allowGuests: false });
  expect((await w.identity.send(new GetIdCommand({ IdentityPoolId: pool }))).IdentityId).toMatch(/^us-east-1:/);
});

test('rules-last-match: the last matching rule picks the role', async () => {
  const w = (world = await startWorld(['rules-last-match']));
  const users = await w.userPool('idchain-mutant-users', { alice: { attributes: { 'custom:dept': 'engineering' } } }, ['dept']);
  const pool = await w.identityPool({ name: 'idchain mutant rules', allowGuests: false, providers: [users] });
  const first = await w.role('mutant-first', identityPoolTrust(pool, 'authenticated'));
  const last = await w.role('mutant-last', identityPoolTrust(pool, 'authenticated'));
  await w.setRoles(pool, { authenticated: first.arn }, {
    [`${users.provider}:${users.clientId}`]: {
      Type: 'Rules',
      AmbiguousRoleResolution: 'Deny',
      RulesConfiguration: {
        Rules: [
          { Claim: 'custom:dept', MatchType: 'Equals', Value: 'engineering', RoleARN: first.arn },
          { Claim: 'custom:dept', MatchType: 'StartsWith', Value: 'eng', RoleARN: last.arn },
        ],
      },
    },
  });
  const logins = users.logins(await users.idToken('alice'));
  const { IdentityId } = await w.identity.send(new GetIdCommand({ IdentityPoolId: pool, Logins: logins }));
  const { Credentials } = await w.identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins }));
  expect((await w.stsAs(Credentials!).send(new GetCallerIdentityCommand({}))).Arn).toMatch(/assumed-role\/mutant-last\//);
});
