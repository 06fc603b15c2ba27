import { AwsServiceError } from '../errors';
import { decodeJsonBody, encodeJsonError, encodeJsonResult } from './aws-json';

describe('awsJson1_1', () => {
  it('answers results as JSON with the 1.1 content type, dates as epoch seconds', () => {
    const answer = encodeJsonResult({ Credentials: { Expiration: new Date(1_700_000_000_500) }, IdentityId: 'x' }, 'req-1');
    expect(answer.status).toBe(200);
    expect(answer.headers).toEqual({ 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'req-1' });
    expect(JSON.parse(answer.body)).toEqual({ Credentials: { Expiration: 1_700_000_000.5 }, IdentityId: 'x' });
  });

  it('answers errors with __type and message in the body and x-amzn-ErrorType, at the error status', () => {
    const answer = encodeJsonError(new AwsServiceError('NotAuthorizedException', 'Incorrect username or password.', 400), 'req-2');
    expect(answer.status).toBe(400);
    expect(answer.headers['x-amzn-errortype']).toBe('NotAuthorizedException:');
    expect(JSON.parse(answer.body)).toEqual({ __type: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('treats an empty body as an empty input and refuses a body that is not a JSON object', () => {
    expect(decodeJsonBody('')).toEqual({});
    for (const bad of ['not json', '[1]', '"s"', 'null']) {
      expect(() => decodeJsonBody(bad)).toThrow(AwsServiceError);
    }
    try {
      decodeJsonBody('{');
    } catch (err) {
      expect([(err as AwsServiceError).code, (err as AwsServiceError).status]).toEqual(['SerializationException', 400]);
    }
  });
});
