import { createRouter } from './router';
import { createState } from './state';
import { ManualClock } from './clock';
import { bootstrapAdmin } from './bootstrap';
import type { ServiceDefinition } from './service';
import type { IncomingRequest } from './auth/sigv4';
import { AwsServiceError } from './errors';

// The router without sockets: protocol routing and the refusal of unsigned or
// unknown-key calls, with each protocol's AWS error.
const state = createState({ accountId: '123456789012', region: 'us-east-1', clock: new ManualClock(), mutants: new Set() });
bootstrapAdmin(state);
const json: ServiceDefinition = {
  name: 'cognito-identity',
  protocol: 'awsJson1_1',
  signingName: 'cognito-identity',
  targetPrefix: 'AWSCognitoIdentityService',
  unsignedOperations: new Set(['GetId']),
  operations: { GetId: (input) => ({ echo: input }), ListIdentityPools: () => ({}) },
  access: {
    operations: { GetId: { notChecked: 'public' }, ListIdentityPools: { action: 'cognito-identity:ListIdentityPools', resources: () => [{ arn: '*' }] } },
    denied: (message) => new AwsServiceError('AccessDeniedException', message, 400),
  },
};
const query: ServiceDefinition = {
  name: 'sts',
  protocol: 'awsQuery',
  signingName: 'sts',
  queryVersion: '2011-06-15',
  xmlNamespace: 'https://sts.amazonaws.com/doc/2011-06-15/',
  unsignedOperations: new Set(),
  operations: { GetCallerIdentity: () => ({}) },
  access: { operations: { GetCallerIdentity: { notChecked: 'no permission needed' } }, denied: (message) => new AwsServiceError('AccessDenied', message, 403) },
};
const handle = createRouter(state, [json, query]);

const post = (headers: Record<string, string>, body: string): IncomingRequest => ({ method: 'POST', path: '/', query: {}, headers, body });

test('awsJson: X-Amz-Target picks the service and operation; unsigned operations need no signature', async () => {
  const answer = await handle(post({ 'x-amz-target': 'AWSCognitoIdentityService.GetId' }, '{"IdentityPoolId":"p"}'));
  expect([answer.status, JSON.parse(answer.body)]).toEqual([200, { echo: { IdentityPoolId: 'p' } }]);
});

test('awsJson: a signed operation without a signature is MissingAuthenticationTokenException', async () => {
  const answer = await handle(post({ 'x-amz-target': 'AWSCognitoIdentityService.ListIdentityPools' }, '{}'));
  expect([answer.status, JSON.parse(answer.body).__type]).toEqual([400, 'MissingAuthenticationTokenException']);
});

test('awsJson: a key the emulator never issued is UnrecognizedClientException', async () => {
  const auth = 'AWS4-HMAC-SHA256 Credential=AKIANOTISSUEDBYUS000/20260101/us-east-1/cognito-identity/aws4_request, SignedHeaders=host;x-amz-date, Signature=' + 'a'.repeat(64);
  const answer = await handle(post({ 'x-amz-target': 'AWSCognitoIdentityService.ListIdentityPools', authorization: auth, 'x-amz-date': '20260101T000000Z', host: 'h' }, '{}'));
  expect([answer.status, JSON.parse(answer.body)]).toEqual([400, { __type: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' }]);
});

test('awsQuery: missing authentication is MissingAuthenticationToken 403; unknown action is InvalidAction', async () => {
  let answer = await handle(post({ 'content-type': 'application/x-www-form-urlencoded' }, 'Action=GetCallerIdentity&Version=2011-06-15'));
  expect(answer.status).toBe(403);
  expect(answer.body).toContain('<Code>MissingAuthenticationToken</Code>');
  answer = await handle(post({}, 'Action=Nope&Version=1999-01-01'));
  expect(answer.status).toBe(400);
  expect(answer.body).toContain('<Code>InvalidAction</Code>');
  expect(answer.body).toContain('Could not find operation Nope for version 1999-01-01');
});

test('an unknown X-Amz-Target is UnknownOperationException', async () => {
  const answer = await handle(post({ 'x-amz-target': 'AWSNoSuchService.Op' }, '{}'));
  expect([answer.status, JSON.parse(answer.body).__type]).toEqual([400, 'UnknownOperationException']);
});

test('awsQuery: no Action → MissingAction 400 (AWS redirects; the emulator answers the documented error); no Version → NO_VERSION_SPECIFIED', async () => {
  let answer = await handle(post({ 'content-type': 'application/x-www-form-urlencoded' }, 'Version=2011-06-15'));
  expect([answer.status, answer.body]).toEqual([400, expect.stringContaining('<Code>MissingAction</Code><Message>The request is missing an action or a required parameter.</Message>')]);
  // [obs: argmin sts_oracle.rs "missing-version"]
  answer = await handle(post({ 'content-type': 'application/x-www-form-urlencoded' }, 'Action=GetCallerIdentity'));
  expect(answer.body).toContain('Could not find operation GetCallerIdentity for version NO_VERSION_SPECIFIED');
  expect(answer.body).toContain('xmlns="http://webservices.amazon.com/AWSFault/2005-15-09"');
});

test('awsQuery over GET reads the query string, as STS serves it [obs: argmin sts_oracle.rs "get-caller-identity-get"]', async () => {
  const answer = await handle({ method: 'GET', path: '/', query: {}, rawQuery: 'Action=GetCallerIdentity&Version=2011-06-15', headers: {}, body: '' });
  expect([answer.status, answer.body]).toEqual([403, expect.stringContaining('<Code>MissingAuthenticationToken</Code>')]);
});

test('every answer carries a Date from the emulator clock, so SDKs can correct their skew', async () => {
  const answer = await handle(post({ 'x-amz-target': 'AWSCognitoIdentityService.GetId' }, '{}'));
  expect(answer.headers.date).toBe('Thu, 01 Jan 2026 00:00:00 GMT');
});
