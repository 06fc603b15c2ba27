import { evaluateIdentityPolicies, evaluatePolicy, parseIdentityPolicy, parsePolicy, type Decision, type PolicyRequest } from './evaluate';

const ACCT = '123456789012';
const OTHER = '210987654321';

function identity(statements: object[], version = '2012-10-17') {
  return parseIdentityPolicy(JSON.stringify({ Version: version, Statement: statements }));
}

function request(action: string, resource?: string, context: PolicyRequest['context'] = {}): PolicyRequest {
  return { action, resource, context };
}

describe('Action, Resource and the decision', () => {
  const policy = identity([
    { Effect: 'Allow', Action: ['s3:Get*', 'sqs:SendMessage'], Resource: 'arn:aws:s3:::photos/*' },
    { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:us-east-1:123456789012:queue-?' },
    { Effect: 'Deny', Action: 's3:GetObject', Resource: 'arn:aws:s3:::photos/private/*' },
    { Effect: 'Allow', NotAction: 'iam:*', Resource: 'arn:aws:dynamodb:us-east-1:123456789012:table/t' },
    { Effect: 'Allow', Action: 'ec2:DescribeInstances', NotResource: 'arn:aws:ec2:us-east-1:123456789012:instance/i-secret' },
  ]);

  it.each<[string, string, string, Decision]>([
    ['wildcard action matches', 's3:GetObject', 'arn:aws:s3:::photos/cat.jpg', 'Allow'],
    ['actions compare case-insensitively', 'S3:getobject', 'arn:aws:s3:::photos/cat.jpg', 'Allow'],
    ['action outside the list', 's3:PutObject', 'arn:aws:s3:::photos/cat.jpg', 'ImplicitDeny'],
    ['resource outside the pattern', 's3:GetObject', 'arn:aws:s3:::other/cat.jpg', 'ImplicitDeny'],
    ['resources compare case-sensitively', 's3:GetObject', 'arn:aws:s3:::Photos/cat.jpg', 'ImplicitDeny'],
    ['explicit Deny wins over Allow', 's3:GetObject', 'arn:aws:s3:::photos/private/me.jpg', 'ExplicitDeny'],
    ['Deny for another action does not apply', 's3:GetObjectAcl', 'arn:aws:s3:::photos/private/me.jpg', 'Allow'],
    ['? matches one character in a resource', 'sqs:SendMessage', 'arn:aws:sqs:us-east-1:123456789012:queue-1', 'Allow'],
    ['? does not match two', 'sqs:SendMessage', 'arn:aws:sqs:us-east-1:123456789012:queue-12', 'ImplicitDeny'],
    ['NotAction allows other actions', 'dynamodb:GetItem', 'arn:aws:dynamodb:us-east-1:123456789012:table/t', 'Allow'],
    ['NotAction excludes the listed ones', 'iam:CreateUser', 'arn:aws:dynamodb:us-east-1:123456789012:table/t', 'ImplicitDeny'],
    ['NotResource allows other resources', 'ec2:DescribeInstances', 'arn:aws:ec2:us-east-1:123456789012:instance/i-1', 'Allow'],
    ['NotResource excludes the listed one', 'ec2:DescribeInstances', 'arn:aws:ec2:us-east-1:123456789012:instance/i-secret', 'ImplicitDeny'],
  ])('%s', (_label, action, resource, decision) => {
    expect(evaluatePolicy(policy, request(action, resource))).toBe(decision);
  });

  it('Action "*" and Resource "*" allow everything', () => {
    const admin = identity([{ Effect: 'Allow', Action: '*', Resource: '*' }]);
    expect(evaluatePolicy(admin, request('iam:DeleteRole', 'arn:aws:iam::123456789012:role/x'))).toBe('Allow');
  });

  it('substitutes ${aws:username} in Resource in a 2012-10-17 policy only', () => {
    const statements = [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::home/${aws:username}/*' }];
    const req = request('s3:GetObject', 'arn:aws:s3:::home/alice/notes.txt', { 'aws:username': 'alice' });
    expect(evaluatePolicy(identity(statements), req)).toBe('Allow');
    expect(evaluatePolicy(identity(statements), { ...req, context: { 'aws:username': 'bob' } })).toBe('ImplicitDeny');
    expect(evaluatePolicy(identity(statements, '2008-10-17'), req)).toBe('ImplicitDeny');
  });

  it('combines identity policies: an explicit Deny in any of them wins', () => {
    const allow = identity([{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]);
    const deny = identity([{ Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' }]);
    expect(evaluateIdentityPolicies([allow, deny], request('s3:DeleteBucket', 'arn:aws:s3:::b'))).toBe('ExplicitDeny');
    expect(evaluateIdentityPolicies([allow, deny], request('s3:ListBucket', 'arn:aws:s3:::b'))).toBe('Allow');
    expect(evaluateIdentityPolicies([deny], request('s3:ListBucket', 'arn:aws:s3:::b'))).toBe('ImplicitDeny');
  });
});

describe('Principal matching in trust policies', () => {
  function trust(principal: unknown, notPrincipal = false) {
    return parsePolicy(
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', [notPrincipal ? 'NotPrincipal' : 'Principal']: principal, Action: 'sts:AssumeRole*' }],
      }),
    );
  }
  const roleArn = `arn:aws:iam::${ACCT}:role/app/Deployer`;
  const sessionArn = `arn:aws:sts::${ACCT}:assumed-role/Deployer/build-42`;
  const userArn = `arn:aws:iam::${ACCT}:user/alice`;
  const otherUserArn = `arn:aws:iam::${OTHER}:user/mallory`;

  it.each<[string, unknown, PolicyRequest['principal'], Decision]>([
    ['"*" matches an anonymous web-identity caller', '*', { Federated: 'cognito-identity.amazonaws.com' }, 'Allow'],
    ['"*" matches no principal at all', '*', undefined, 'Allow'],
    ['AWS "*" matches any AWS principal', { AWS: '*' }, { AWS: [otherUserArn] }, 'Allow'],
    ['AWS "*" does not match a federated caller', { AWS: '*' }, { Federated: 'cognito-identity.amazonaws.com' }, 'ImplicitDeny'],
    ['account id matches a user of that account', { AWS: ACCT }, { AWS: [userArn] }, 'Allow'],
    ['account root ARN matches a role session of that account', { AWS: `arn:aws:iam::${ACCT}:root` }, { AWS: [sessionArn, roleArn] }, 'Allow'],
    ['account id does not match another account', { AWS: ACCT }, { AWS: [otherUserArn] }, 'ImplicitDeny'],
    ['user ARN matches that user', { AWS: userArn }, { AWS: [userArn] }, 'Allow'],
    ['user ARN does not match another user', { AWS: userArn }, { AWS: [`arn:aws:iam::${ACCT}:user/bob`] }, 'ImplicitDeny'],
    ['role ARN matches a session of that role', { AWS: roleArn }, { AWS: [sessionArn, roleArn] }, 'Allow'],
    ['session ARN matches that session', { AWS: sessionArn }, { AWS: [sessionArn, roleArn] }, 'Allow'],
    ['one of several AWS values matches', { AWS: [userArn, roleArn] }, { AWS: [sessionArn, roleArn] }, 'Allow'],
    ['Service matches that service', { Service: 'lambda.amazonaws.com' }, { Service: 'lambda.amazonaws.com' }, 'Allow'],
    ['Service does not match another service', { Service: 'lambda.amazonaws.com' }, { Service: 'ec2.amazonaws.com' }, 'ImplicitDeny'],
    ['Federated matches the provider', { Federated: 'cognito-identity.amazonaws.com' }, { Federated: 'cognito-identity.amazonaws.com' }, 'Allow'],
    ['Federated provider ARN', { Federated: `arn:aws:iam::${ACCT}:saml-provider/Okta` }, { Federated: `arn:aws:iam::${ACCT}:saml-provider/Okta` }, 'Allow'],
    ['Federated does not match an AWS caller', { Federated: 'cognito-identity.amazonaws.com' }, { AWS: [userArn] }, 'ImplicitDeny'],
    ['several principal types: any may match', { Service: 'ec2.amazonaws.com', AWS: ACCT }, { AWS: [userArn] }, 'Allow'],
  ])('%s', (_label, principal, who, decision) => {
    expect(evaluatePolicy(trust(principal), { action: 'sts:AssumeRole', principal: who, context: {} })).toBe(decision);
  });

  it('NotPrincipal matches everyone except the listed principals', () => {
    const policy = trust({ AWS: userArn }, true);
    expect(evaluatePolicy(policy, { action: 'sts:AssumeRole', principal: { AWS: [userArn] }, context: {} })).toBe('ImplicitDeny');
    expect(evaluatePolicy(policy, { action: 'sts:AssumeRole', principal: { AWS: [otherUserArn] }, context: {} })).toBe('Allow');
  });
});
