import { StepSink, recordSteps, recorderMiddleware } from './recorder';

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
    const slow = recorderMiddleware(async () => {
      await new Promise((r) => setTimeout(r, 20));
      return { output: { which: 'slow' } };
    }, ctx);
    const quick = recorderMiddleware(async () => ({ output: { which: 'quick' } }), ctx);
    await Promise.all([recordSteps(a, () => slow({ input: {} })), recordSteps(b, () => quick({ input: {} }))]);
    expect([a.steps.map((s) => s.output), b.steps.map((s) => s.output)]).toEqual([[{ which: 'slow' }], [{ which: 'quick' }]]);
  });
});
