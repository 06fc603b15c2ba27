import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { STSClient } from '@aws-sdk/client-sts';
import { CaseAborted } from '../cases/case-aborted';
import type { Clients } from '../clients/factory';
import { callerIdentity } from './caller-identity';
import { SignInChallenge, signIn } from './sign-in';

// Flows stop a case the one way every flow does: a CaseAborted carrying a
// contract finding, never a plain Error or a crash on a missing field.
const answering = <C>(answer: unknown) => ({ send: async () => answer }) as unknown as C;
const request = { userPoolId: 'us-east-1_abc', clientId: 'c', username: 'ana', password: 'p' };

async function caught(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => 'resolved',
    (err: unknown) => err,
  );
}

describe('signIn', () => {
  it('a NEW_PASSWORD_REQUIRED answer is a SignInChallenge with a contract finding', async () => {
    const err = await caught(signIn(answering<CognitoIdentityProviderClient>({ ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 's' }), request));
    expect(err).toBeInstanceOf(SignInChallenge);
    expect((err as SignInChallenge).challengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect((err as SignInChallenge).finding).toMatchObject({
      path: 'InitiateAuth.AuthenticationResult',
      kind: 'contract',
      expected: 'IdToken and AccessToken',
      actual: 'the challenge NEW_PASSWORD_REQUIRED and no tokens',
    });
  });

  it('an answer with neither tokens nor a challenge names what is missing', async () => {
    const err = await caught(signIn(answering<CognitoIdentityProviderClient>({ AuthenticationResult: { AccessToken: 'a' } }), { ...request, flow: 'ADMIN_USER_PASSWORD_AUTH' }));
    expect(err).toBeInstanceOf(CaseAborted);
    expect((err as CaseAborted).finding).toMatchObject({ path: 'AdminInitiateAuth.AuthenticationResult', actual: 'missing IdToken' });
  });
});

describe('callerIdentity', () => {
  const clients = (answer: unknown) => ({ stsWith: () => answering<STSClient>(answer) }) as unknown as Clients;
  const credentials = { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'x' };

  it('an answer without Arn or Account is a contract finding naming them', async () => {
    const err = await caught(callerIdentity(clients({ UserId: 'AROAEXAMPLE:s' }), credentials));
    expect(err).toBeInstanceOf(CaseAborted);
    expect((err as CaseAborted).finding).toEqual({
      path: 'GetCallerIdentity',
      kind: 'contract',
      expected: 'Arn, UserId and Account',
      actual: 'missing Arn, Account',
      source: 'STS-API GetCallerIdentity',
    });
  });

  it('a whole answer is returned as it is', async () => {
    const who = { Arn: 'arn:aws:sts::123456789012:assumed-role/r/s', UserId: 'AROAEXAMPLE:s', Account: '123456789012' };
    expect(await callerIdentity(clients(who), credentials)).toEqual({ arn: who.Arn, userId: who.UserId, account: who.Account });
  });
});
