import { createServer, type Server } from 'node:http';
import { CognitoIdentityClient, GetIdentityPoolRolesCommand } from '@aws-sdk/client-cognito-identity';
import { AdminInitiateAuthCommand, CognitoIdentityProviderClient, CreateUserImportJobCommand } from '@aws-sdk/client-cognito-identity-provider';
import { IAMClient, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { classifyNotImplemented } from './not-implemented';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

interface Answer {
  status: number;
  contentType: string;
  body: string;
}

/*
 * Bodies as the emulators sent them, captured on 127.0.0.1 (request ids and
 * dates dropped): moto 5.2.1 (`python3 -m moto.server`), cognito-local 5.3.0.
 * LocalStack could not run here (no Docker): its answers are rebuilt from the
 * messages quoted in its issue tracker — localstack/localstack#8998 (older
 * wording), #12547 (current wording) — with the 501 status those reports show.
 */
const MOTO_NOT_IMPLEMENTED: Answer = {
  status: 500,
  contentType: 'text/html; charset=utf-8',
  body:
    '<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n' +
    '<p>The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.</p>\n',
};
const COGNITO_LOCAL_UNKNOWN_TARGET: Answer = {
  status: 500,
  contentType: 'application/json; charset=utf-8',
  body: '{"__type":"CognitoLocal#Unsupported","message":"Cognito Local unsupported feature: Unsupported x-amz-target header \\"CreateUserImportJob\\""}',
};
const COGNITO_LOCAL_UNSUPPORTED_FLOW: Answer = {
  status: 500,
  contentType: 'application/json; charset=utf-8',
  body: '{"__type":"CognitoLocal#Unsupported","message":"Cognito Local unsupported feature: AdminInitAuth with AuthFlow=CUSTOM_AUTH"}',
};
const COGNITO_LOCAL_TO_QUERY_PROTOCOL: Answer = {
  status: 400,
  contentType: 'application/json; charset=utf-8',
  body: '{"message":"Missing x-amz-target header"}',
};
const LOCALSTACK_NOT_LICENSED_JSON: Answer = {
  status: 501,
  contentType: 'application/x-amz-json-1.1',
  body: JSON.stringify({
    __type: 'InternalFailure',
    message:
      "The API for service 'cognito-identity' is either not included in your current license plan or has not yet been emulated by LocalStack. Please refer to https://docs.localstack.cloud/references/coverage for more details.",
  }),
};
const LOCALSTACK_NOT_IMPLEMENTED_XML: Answer = {
  status: 501,
  contentType: 'text/xml',
  body:
    '<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Code>InternalFailure</Code>' +
    "<Message>API action 'SimulatePrincipalPolicy' for service 'iam' not yet implemented or pro feature - please check https://docs.localstack.cloud/references/coverage/ for further information</Message>" +
    '<Type>Sender</Type></Error><RequestId>r-1</RequestId></ErrorResponse>',
};

// What AWS itself answers: these must keep their usual verdicts.
const AWS_JSON_CLIENT_ERROR: Answer = {
  status: 400,
  contentType: 'application/x-amz-json-1.1',
  body: '{"__type":"NotAuthorizedException","message":"Incorrect username or password."}',
};
const AWS_JSON_SERVER_ERROR: Answer = {
  status: 500,
  contentType: 'application/x-amz-json-1.1',
  body: '{"__type":"InternalErrorException","message":"An internal error occurred."}',
};
const AWS_QUERY_ACCESS_DENIED: Answer = {
  status: 403,
  contentType: 'text/xml',
  body:
    '<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>AccessDenied</Code>' +
    '<Message>User is not authorized to perform: iam:SimulatePrincipalPolicy</Message></Error><RequestId>r-2</RequestId></ErrorResponse>',
};

let server: Server;
let endpoint: string;
let answer: Answer;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(answer.status, { 'content-type': answer.contentType }).end(answer.body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  endpoint = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const config = () => ({ region: 'us-east-1', endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });

/** The error the SDK throws when the server answers `a` to the call. */
async function sdkError(a: Answer, call: () => Promise<unknown>): Promise<unknown> {
  answer = a;
  try {
    await call();
  } catch (err) {
    return err;
  }
  throw new Error('the call succeeded; expected an error');
}

const identityCall = () => new CognitoIdentityClient(config()).send(new GetIdentityPoolRolesCommand({ IdentityPoolId: 'us-east-1:x' }));
const iamCall = () => new IAMClient(config()).send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: 'arn:aws:iam::123456789012:role/r', ActionNames: ['s3:GetObject'] }));
const idpImportCall = () =>
  new CognitoIdentityProviderClient(config()).send(
    new CreateUserImportJobCommand({ UserPoolId: 'p', JobName: 'j', CloudWatchLogsRoleArn: 'arn:aws:iam::123456789012:role/r' }),
  );
const idpAuthCall = () => new CognitoIdentityProviderClient(config()).send(new AdminInitiateAuthCommand({ UserPoolId: 'p', ClientId: 'c', AuthFlow: 'CUSTOM_AUTH' }));
const stsCall = () => new STSClient(config()).send(new GetCallerIdentityCommand({}));

describe('classifyNotImplemented', () => {
  it("recognises moto's HTML 500 on a JSON protocol (the SDK cannot parse it)", async () => {
    const found = classifyNotImplemented(await sdkError(MOTO_NOT_IMPLEMENTED, identityCall));
    expect(found?.evidence).toMatch(/^HTTP 500 HTML page instead of an AWS error; the SDK could not parse it: Unexpected token '<'/);
  });

  it("recognises moto's HTML 500 on the query protocol, with the page title", async () => {
    const found = classifyNotImplemented(await sdkError(MOTO_NOT_IMPLEMENTED, iamCall));
    expect(found?.evidence).toMatch(/^HTTP 500 HTML page instead of an AWS error \("500 Internal Server Error"\); the SDK could not parse it/);
  });

  it("recognises cognito-local's Unsupported answers, keeping its words", async () => {
    expect(classifyNotImplemented(await sdkError(COGNITO_LOCAL_UNKNOWN_TARGET, idpImportCall))).toEqual({
      evidence: 'HTTP 500 CognitoLocal#Unsupported: Cognito Local unsupported feature: Unsupported x-amz-target header "CreateUserImportJob"',
    });
    expect(classifyNotImplemented(await sdkError(COGNITO_LOCAL_UNSUPPORTED_FLOW, idpAuthCall))?.evidence).toContain(
      'Cognito Local unsupported feature: AdminInitAuth with AuthFlow=CUSTOM_AUTH',
    );
  });

  it('recognises an answer the SDK cannot parse, such as cognito-local answering STS', async () => {
    const found = classifyNotImplemented(await sdkError(COGNITO_LOCAL_TO_QUERY_PROTOCOL, stsCall));
    expect(found?.evidence).toMatch(/^HTTP 400 answer the SDK could not parse: \{"message":"Missing x-amz-target header"\}/);
  });

  it("recognises LocalStack's 501 InternalFailure in both protocols", async () => {
    const json = classifyNotImplemented(await sdkError(LOCALSTACK_NOT_LICENSED_JSON, identityCall));
    expect(json?.evidence).toMatch(/^HTTP 501 InternalFailure: The API for service 'cognito-identity' is either not included in your current license plan/);
    const xml = classifyNotImplemented(await sdkError(LOCALSTACK_NOT_IMPLEMENTED_XML, iamCall));
    expect(xml?.evidence).toMatch(/^HTTP 501 InternalFailure: API action 'SimulatePrincipalPolicy' for service 'iam' not yet implemented or pro feature/);
  });

  it('recognises a NotImplemented error name', () => {
    const err = Object.assign(new Error('The operation is not implemented'), { name: 'NotImplementedException', $metadata: { httpStatusCode: 400 } });
    expect(classifyNotImplemented(err)).toEqual({ evidence: 'HTTP 400 NotImplementedException: The operation is not implemented' });
  });

  it('leaves AWS service errors alone, including a real 500', async () => {
    expect(classifyNotImplemented(await sdkError(AWS_JSON_CLIENT_ERROR, idpAuthCall))).toBeUndefined();
    expect(classifyNotImplemented(await sdkError(AWS_JSON_SERVER_ERROR, identityCall))).toBeUndefined();
    expect(classifyNotImplemented(await sdkError(AWS_QUERY_ACCESS_DENIED, iamCall))).toBeUndefined();
  });

  it('leaves network failures and harness bugs alone', async () => {
    const closed = new STSClient({ ...config(), endpoint: 'http://127.0.0.1:1' });
    const network = await closed.send(new GetCallerIdentityCommand({})).catch((e: unknown) => e);
    expect(classifyNotImplemented(network)).toBeUndefined();
    expect(classifyNotImplemented(new TypeError("Cannot read properties of undefined (reading 'Id')"))).toBeUndefined();
    expect(classifyNotImplemented(undefined)).toBeUndefined();
    expect(classifyNotImplemented('boom')).toBeUndefined();
  });

  it('keeps evidence short and free of secrets', () => {
    const err = Object.assign(new Error(`Cognito Local unsupported feature: ${'x'.repeat(500)} AKIAABCDEFGHIJKLMNOP`), { name: 'Unsupported' });
    const evidence = classifyNotImplemented(err)!.evidence;
    expect(evidence.length).toBeLessThan(300);
    const withKey = Object.assign(new Error('Cognito Local unsupported feature: key AKIAABCDEFGHIJKLMNOP'), { name: 'Unsupported' });
    expect(classifyNotImplemented(withKey)!.evidence).not.toContain('AKIAABCDEFGHIJKLMNOP');
  });
});
