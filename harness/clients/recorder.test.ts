import { createServer, type Server } from 'node:http';
import { CognitoIdentityProviderClient, DescribeUserPoolCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { StepSink, recordSteps, recorderMiddleware, recorderMiddlewareOptions } from './recorder';

const ctx = { clientName: 'CognitoIdentityClient', commandName: 'GetIdCommand' };

describe('recorderMiddleware', () => {
  it('records input, output without $metadata, and status inside a case', async () => {
    const sink = new StepSink();
    const handler = recorderMiddleware(async () => ({ output: { IdentityId: 'id-1', $metadata: { httpStatusCode: 200 } } }), ctx);
    const input = { IdentityPoolId: 'p' };
    await recordSteps(sink, () => handler({ input }));
    input.IdentityPoolId = 'changed later';
    expect(sink.steps).toHaveLength(1);
    expect(sink.steps[0]).toMatchObject({ service: 'cognito-identity', operation: 'GetId', input: { IdentityPoolId: 'p' }, output: { IdentityId: 'id-1' }, httpStatus: 200 });
  });

  it('records the error a call failed with, and still throws it', async () => {
    const sink = new StepSink();
    const failure = Object.assign(new Error('Unauthenticated access is not supported for this identity pool.'), {
      name: 'NotAuthorizedException',
      $fault: 'client',
      $metadata: { httpStatusCode: 400 },
    });
    const handler = recorderMiddleware(async () => Promise.reject(failure), ctx);
    await expect(recordSteps(sink, () => handler({ input: {} }))).rejects.toBe(failure);
    expect(sink.steps[0].error).toEqual({ name: 'NotAuthorizedException', httpStatus: 400, fault: 'client', message: failure.message });
  });

  it('names an awsQuery error by its wire code, not the SDK class name', async () => {
    const sink = new StepSink();
    const failure = Object.assign(new Error('Missing a required claim: aud'), {
      name: 'InvalidIdentityTokenException',
      Code: 'InvalidIdentityToken',
      $fault: 'client',
      $metadata: { httpStatusCode: 400 },
    });
    const handler = recorderMiddleware(async () => Promise.reject(failure), { clientName: 'STSClient', commandName: 'AssumeRoleWithWebIdentityCommand' });
    await expect(recordSteps(sink, () => handler({ input: {} }))).rejects.toBe(failure);
    expect(sink.steps[0].error?.name).toBe('InvalidIdentityToken');
  });

  it('records nothing outside a case (provisioning calls)', async () => {
    const sink = new StepSink();
    await recorderMiddleware(async () => ({ output: {} }), ctx)({ input: {} });
    expect(sink.steps).toEqual([]);
  });

  it('keeps concurrent cases apart', async () => {
    const a = new StepSink();
    const b = new StepSink();
    // The slow call answers only once the quick one has, so the two are in flight together whatever the machine's speed.
    let quickAnswered!: () => void;
    const gate = new Promise<void>((r) => (quickAnswered = r));
    const slow = recorderMiddleware(async () => {
      await gate;
      return { output: { which: 'slow' } };
    }, ctx);
    const quick = recorderMiddleware(async () => ({ output: { which: 'quick' } }), ctx);
    await Promise.all([
      recordSteps(a, () => slow({ input: {} })),
      recordSteps(b, async () => {
        await quick({ input: {} });
        quickAnswered();
      }),
    ]);
    expect([a.steps.map((s) => s.output), b.steps.map((s) => s.output)]).toEqual([[{ which: 'slow' }], [{ which: 'quick' }]]);
  });
});

describe('sensitive fields, from the SDK models', () => {
  // A server on the loopback answering every call with the body set for the test.
  let server: Server;
  let endpoint: string;
  let body: unknown;
  beforeAll(async () => {
    server = createServer((req, res) => req.resume().on('end', () => res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify(body))));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    endpoint = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const recordedClient = () => {
    const idp = new CognitoIdentityProviderClient({ region: 'us-east-1', endpoint, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' } });
    idp.middlewareStack.add(recorderMiddleware, recorderMiddlewareOptions);
    return idp;
  };

  it("records the paths the command's own model marks @sensitive, and nothing it leaves unmarked", async () => {
    body = { AuthenticationResult: { IdToken: 'i', AccessToken: 'a', RefreshToken: 'r', ExpiresIn: 3600 } };
    const sink = new StepSink();
    await recordSteps(sink, () => recordedClient().send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'c', AuthParameters: { USERNAME: 'u', PASSWORD: 'p' } })));
    // UP-API InitiateAuth: ClientId (ClientIdType), AuthParameters (AuthParametersType) and the three tokens are @sensitive in the model.
    expect(sink.steps[0].sensitive?.sort()).toEqual([
      'input.AuthParameters',
      'input.ClientId',
      'output.AuthenticationResult.AccessToken',
      'output.AuthenticationResult.IdToken',
      'output.AuthenticationResult.RefreshToken',
    ]);
  });

  it('marks nothing for an operation without sensitive members', async () => {
    body = { UserPool: { Id: 'us-east-1_x', Name: 'p' } };
    const sink = new StepSink();
    await recordSteps(sink, () => recordedClient().send(new DescribeUserPoolCommand({ UserPoolId: 'us-east-1_x' })));
    expect(sink.steps[0].sensitive).toEqual([]);
  });
});
