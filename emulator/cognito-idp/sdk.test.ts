import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { startEmulator, type StartedEmulator } from '../index';

const ADMIN = 'arn:aws:iam::123456789012:role/idchain-admin';
const EDITOR = 'arn:aws:iam::123456789012:role/idchain-editor';
const VIEWER = 'arn:aws:iam::123456789012:role/idchain-viewer';
const PASSWORD = 'Correct-Horse-1';

/** Run a command and return the error the SDK raised. */
async function sdkError(promise: Promise<unknown>): Promise<{ name: string; message: string; $metadata: { httpStatusCode?: number } }> {
  try {
    await promise;
  } catch (err) {
    return err as { name: string; message: string; $metadata: { httpStatusCode?: number } };
  }
  throw new Error('expected the call to fail');
}

describe('cognito-idp through @aws-sdk/client-cognito-identity-provider', () => {
  let emu: StartedEmulator;
  let idp: CognitoIdentityProviderClient;
  let poolId: string;
  let clientId: string;

  beforeAll(async () => {
    emu = await startEmulator();
    idp = new CognitoIdentityProviderClient({ endpoint: emu.url, region: emu.region, credentials: emu.credentials, maxAttempts: 1 });
    poolId = (await idp.send(new CreateUserPoolCommand({ PoolName: 'idchain-sdk' }))).UserPool!.Id!;
    clientId = (
      await idp.send(
        new CreateUserPoolClientCommand({
          UserPoolId: poolId,
          ClientName: 'web',
          ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        }),
      )
    ).UserPoolClient!.ClientId!;
    await idp.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: 'alice',
        MessageAction: 'SUPPRESS',
        UserAttributes: [{ Name: 'email', Value: 'alice@example.com' }],
      }),
    );
    await idp.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'alice', Password: PASSWORD, Permanent: true }));
    // admins (precedence 1) outrank editors (5); viewers has no precedence and loses to both.
    for (const [name, role, precedence] of [
      ['admins', ADMIN, 1],
      ['editors', EDITOR, 5],
      ['viewers', VIEWER, undefined],
    ] as const) {
      await idp.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: name, RoleArn: role, Precedence: precedence }));
      await idp.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: 'alice', GroupName: name }));
    }
  });

  afterAll(async () => {
    idp?.destroy();
    await emu?.stop();
  });

  it('signs in with USER_PASSWORD_AUTH; the ID token names groups, roles and the preferred role', async () => {
    const { AuthenticationResult } = await idp.send(
      new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD } }),
    );
    expect(AuthenticationResult).toMatchObject({ TokenType: 'Bearer', ExpiresIn: 3600 });
    const claims = decodeJwt(AuthenticationResult!.IdToken!);
    expect([...(claims['cognito:groups'] as string[])].sort()).toEqual(['admins', 'editors', 'viewers']);
    expect([...(claims['cognito:roles'] as string[])].sort()).toEqual([ADMIN, EDITOR, VIEWER]);
    expect(claims['cognito:preferred_role']).toBe(ADMIN);
    expect(claims.email).toBe('alice@example.com');

    // Verify the signature with the keys the emulator serves, as a relying party would.
    const jwks = createRemoteJWKSet(new URL(`${emu.url}/${poolId}/.well-known/jwks.json`));
    const { payload, protectedHeader } = await jwtVerify(AuthenticationResult!.IdToken!, jwks, {
      issuer: `https://cognito-idp.${emu.region}.amazonaws.com/${poolId}`,
      audience: clientId,
    });
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload.token_use).toBe('id');
  });

  it('serves an OpenID configuration naming the AWS issuer and the emulator JWKS', async () => {
    const response = await fetch(`${emu.url}/${poolId}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const config = (await response.json()) as Record<string, unknown>;
    expect(config.issuer).toBe(`https://cognito-idp.${emu.region}.amazonaws.com/${poolId}`);
    expect(config.jwks_uri).toBe(`${emu.url}/${poolId}/.well-known/jwks.json`);
    expect(config.id_token_signing_alg_values_supported).toEqual(['RS256']);
  });

  it('refuses a wrong password with NotAuthorizedException', async () => {
    const err = await sdkError(
      idp.send(
        new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD: 'Wrong-Pass-1' } }),
      ),
    );
    expect(err.name).toBe('NotAuthorizedException');
    expect(err.message).toBe('Incorrect username or password.');
    expect(err.$metadata.httpStatusCode).toBe(400);
  });

  it('refuses USER_PASSWORD_AUTH on a client without ALLOW_USER_PASSWORD_AUTH', async () => {
    const srpOnly = (
      await idp.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'srp-only', ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] }))
    ).UserPoolClient!.ClientId!;
    const err = await sdkError(
      idp.send(new InitiateAuthCommand({ ClientId: srpOnly, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD } })),
    );
    expect(err.name).toBe('InvalidParameterException');
    expect(err.message).toBe('USER_PASSWORD_AUTH flow not enabled for this client');
    expect(err.$metadata.httpStatusCode).toBe(400);
  });

  it('answers validation failures on the wire with InvalidParameterException', async () => {
    const err = await sdkError(idp.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'bad', Precedence: -1 })));
    expect(err.name).toBe('InvalidParameterException');
    expect(err.message).toBe(
      "1 validation error detected: Value '-1' at 'precedence' failed to satisfy constraint: Member must have value greater than or equal to 0",
    );
  });
});
