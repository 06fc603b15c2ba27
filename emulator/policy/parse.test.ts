import { AwsServiceError } from '../errors';
import { parseIdentityPolicy, parsePolicy, parseTrustPolicy } from './evaluate';

const V = '"Version":"2012-10-17"';

function errorOf(fn: () => unknown): AwsServiceError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AwsServiceError) return err;
    throw err;
  }
  throw new Error('expected a MalformedPolicyDocument error, got success');
}

describe('parsePolicy: invalid JSON', () => {
  // aws-contract.md §4: malformed trust policy JSON → "This policy contains invalid Json".
  it.each([
    ['empty document', ''],
    ['truncated object', '{"Version":"2012-10-17","Statement":['],
    ['single quotes', "{'Version':'2012-10-17'}"],
    ['bare word', 'assume-role-policy.json'],
  ])('%s', (_label, json) => {
    const err = errorOf(() => parsePolicy(json));
    expect({ code: err.code, status: err.status, message: err.message, fault: err.fault }).toEqual({
      code: 'MalformedPolicyDocument',
      status: 400,
      message: 'This policy contains invalid Json',
      fault: 'Sender',
    });
  });
});

describe('parsePolicy: grammar errors answer "Syntax errors in policy."', () => {
  it.each([
    ['document null', 'null'],
    ['document is an array', '[]'],
    ['Statement null', `{${V},"Statement":null}`],
    ['Statement missing', `{${V}}`],
    ['Statement empty list', `{${V},"Statement":[]}`],
    ['unknown top-level element', `{${V},"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"},"Extra":1}`],
    ['unknown statement element', `{${V},"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Actions":"x"}}`],
    ['Effect missing', `{${V},"Statement":{"Action":"s3:*","Resource":"*"}}`],
    ['Effect not Allow/Deny', `{${V},"Statement":{"Effect":"Permit","Action":"s3:*","Resource":"*"}}`],
    ['Action a number', `{${V},"Statement":{"Effect":"Allow","Action":5,"Resource":"*"}}`],
    ['Action and NotAction together', `{${V},"Statement":{"Effect":"Allow","Action":"a:b","NotAction":"a:c","Resource":"*"}}`],
    ['Resource and NotResource together', `{${V},"Statement":{"Effect":"Allow","Action":"a:b","Resource":"*","NotResource":"*"}}`],
    ['unknown Version', `{"Version":"2020-01-01","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}`],
    ['condition key without operator', `{${V},"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"aws:username":"bob"}}}`],
    ['unknown condition operator', `{${V},"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEqualz":{"aws:username":"bob"}}}}`],
    ['condition value an object', `{${V},"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"k":{"a":1}}}}}`],
    ['Principal of unknown type', `{${V},"Statement":{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"User":"bob"}}}`],
  ])('%s', (_label, json) => {
    const err = errorOf(() => parsePolicy(json));
    expect([err.code, err.status, err.message]).toEqual(['MalformedPolicyDocument', 400, 'Syntax errors in policy.']);
  });
});

describe('parsePolicy: other refusals', () => {
  it.each([
    ['Effect in lower case', `{${V},"Statement":{"Effect":"allow","Action":"s3:*","Resource":"*"}}`, 'The policy failed legacy parsing'],
    [
      'duplicate Sid',
      `{${V},"Statement":[{"Sid":"A","Effect":"Allow","Action":"s3:*","Resource":"*"},{"Sid":"A","Effect":"Deny","Action":"s3:*","Resource":"*"}]}`,
      'Statement IDs (SID) in a single policy must be unique.',
    ],
    ['no Action', `{${V},"Statement":{"Effect":"Allow","Resource":"*"}}`, 'Policy statement must contain actions.'],
    ['empty Action list', `{${V},"Statement":{"Effect":"Allow","Action":[],"Resource":"*"}}`, 'Policy statement must contain actions.'],
    [
      'action without vendor',
      `{${V},"Statement":{"Effect":"Allow","Action":"GetObject","Resource":"*"}}`,
      'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
    ],
    [
      'action with two colons',
      `{${V},"Statement":{"Effect":"Allow","Action":"s3:Get:Object","Resource":"*"}}`,
      'Actions/Condition can contain only one colon.',
    ],
  ])('%s', (_label, json, message) => {
    const err = errorOf(() => parsePolicy(json));
    expect([err.code, err.status, err.message]).toEqual(['MalformedPolicyDocument', 400, message]);
  });
});

describe('parsePolicy: accepted documents', () => {
  it('turns a single Statement object into a list and keeps the values as written', () => {
    const doc = parsePolicy(`{${V},"Statement":{"Sid":"One","Effect":"Deny","NotAction":"iam:*","Resource":["arn:aws:s3:::b/*"]}}`);
    expect(doc).toEqual({
      Version: '2012-10-17',
      Statement: [{ Sid: 'One', Effect: 'Deny', NotAction: 'iam:*', Resource: ['arn:aws:s3:::b/*'] }],
    });
  });

  it('accepts the 2008-10-17 language, a missing Version, set operators, IfExists and Null', () => {
    const cond = '{"ForAnyValue:StringLike":{"k":["a*"]},"StringEqualsIfExists":{"j":"x"},"Null":{"n":"true"},"Bool":{"b":false},"NumericLessThan":{"x":5}}';
    expect(() => parsePolicy(`{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":${cond}}]}`)).not.toThrow();
    expect(() => parsePolicy('{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}')).not.toThrow();
  });
});

describe('parseIdentityPolicy', () => {
  it('refuses a Principal: "Policy document should not specify a principal."', () => {
    const err = errorOf(() =>
      parseIdentityPolicy(`{${V},"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Principal":{"AWS":"123456789012"}}}`),
    );
    expect([err.code, err.message]).toEqual(['MalformedPolicyDocument', 'Policy document should not specify a principal.']);
  });

  it('refuses a statement without Resource: "Policy statement must contain resources."', () => {
    const err = errorOf(() => parseIdentityPolicy(`{${V},"Statement":{"Effect":"Allow","Action":"s3:*"}}`));
    expect([err.code, err.message]).toEqual(['MalformedPolicyDocument', 'Policy statement must contain resources.']);
  });

  it('accepts a NotResource statement', () => {
    expect(parseIdentityPolicy(`{${V},"Statement":{"Effect":"Allow","Action":"s3:*","NotResource":"arn:aws:s3:::x"}}`).Statement).toHaveLength(1);
  });
});

describe('parseTrustPolicy', () => {
  const trust = (statement: string) => `{${V},"Statement":[${statement}]}`;

  it('refuses Resource: "Has prohibited field Resource"', () => {
    const err = errorOf(() =>
      parseTrustPolicy(trust('{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole","Resource":"*"}')),
    );
    expect([err.code, err.status, err.message]).toEqual(['MalformedPolicyDocument', 400, 'Has prohibited field Resource']);
  });

  it('refuses a Resource even without a Principal (the prohibited field is reported first)', () => {
    const err = errorOf(() => parseTrustPolicy(trust('{"Effect":"Allow","Action":"logs:PutLogEvents","Resource":"*"}')));
    expect(err.message).toBe('Has prohibited field Resource');
  });

  it('refuses a statement with no principal with the message AWS answers', () => {
    const err = errorOf(() =>
      parseTrustPolicy(
        trust('{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"},{"Effect":"Allow","Action":"sts:AssumeRole"}'),
      ),
    );
    expect([err.code, err.status, err.message]).toEqual([
      'MalformedPolicyDocument',
      400,
      'Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: The passed in policy has a statement with no principals!',
    ]);
  });

  it.each(['bob', 'arn:aws:iam::123456789012:role/*', 'arn:aws:iam::12345:root', 'arn:aws:s3:::bucket'])(
    'refuses the AWS principal %s',
    (value) => {
      const err = errorOf(() => parseTrustPolicy(trust(`{"Effect":"Allow","Principal":{"AWS":"${value}"},"Action":"sts:AssumeRole"}`)));
      expect(err.message).toBe(`Invalid principal in policy: "AWS":"${value}"`);
    },
  );

  it('refuses a role ARN IAM cannot resolve, when told which exist', () => {
    const arn = 'arn:aws:iam::123456789012:role/Gone';
    const json = trust(`{"Effect":"Allow","Principal":{"AWS":["123456789012","${arn}"]},"Action":"sts:AssumeRole"}`);
    const err = errorOf(() => parseTrustPolicy(json, { principalExists: () => false }));
    expect(err.message).toBe(`Invalid principal in policy: "AWS":"${arn}"`);
    expect(() => parseTrustPolicy(json, { principalExists: (a) => a === arn })).not.toThrow();
  });

  it('accepts the identity-pool trust policy of aws-contract.md §2', () => {
    const json = trust(
      '{"Effect":"Allow","Principal":{"Federated":"cognito-identity.amazonaws.com"},"Action":"sts:AssumeRoleWithWebIdentity",' +
        '"Condition":{"StringEquals":{"cognito-identity.amazonaws.com:aud":"us-east-1:11111111-2222-3333-4444-555555555555"},' +
        '"ForAnyValue:StringLike":{"cognito-identity.amazonaws.com:amr":"authenticated"}}}',
    );
    expect(parseTrustPolicy(json).Statement[0].Principal).toEqual({ Federated: 'cognito-identity.amazonaws.com' });
  });
});
