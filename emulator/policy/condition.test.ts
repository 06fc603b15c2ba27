import { evaluatePolicy, parsePolicy, type PolicyRequest } from './evaluate';

type Context = PolicyRequest['context'];

/** One Allow statement guarded by `condition`; the decision says whether the condition held. */
function conditionHolds(condition: object, context: Context, version = '2012-10-17'): boolean {
  const policy = parsePolicy(
    JSON.stringify({ Version: version, Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*', Condition: condition }] }),
  );
  return evaluatePolicy(policy, { action: 'sts:AssumeRole', resource: 'arn:aws:iam::123456789012:role/r', context }) === 'Allow';
}

type Row = [label: string, condition: object, context: Context, holds: boolean];

// Expected values follow IAM-UG "IAM JSON policy elements: Condition operators"
// and "Conditions with multiple context keys or values".
const stringRows: Row[] = [
  ['StringEquals exact', { StringEquals: { 'aws:username': 'alice' } }, { 'aws:username': 'alice' }, true],
  ['StringEquals is case-sensitive', { StringEquals: { 'aws:username': 'alice' } }, { 'aws:username': 'Alice' }, false],
  ['StringEquals does not expand wildcards', { StringEquals: { 'aws:username': 'al*' } }, { 'aws:username': 'alice' }, false],
  ['StringNotEquals other value', { StringNotEquals: { 'aws:username': 'alice' } }, { 'aws:username': 'bob' }, true],
  ['StringNotEquals same value', { StringNotEquals: { 'aws:username': 'alice' } }, { 'aws:username': 'alice' }, false],
  ['StringEqualsIgnoreCase', { StringEqualsIgnoreCase: { 'aws:username': 'ALICE' } }, { 'aws:username': 'alice' }, true],
  ['StringNotEqualsIgnoreCase', { StringNotEqualsIgnoreCase: { 'aws:username': 'ALICE' } }, { 'aws:username': 'alice' }, false],
  ['StringLike *', { StringLike: { 's3:prefix': 'home/*' } }, { 's3:prefix': 'home/alice/docs' }, true],
  ['StringLike ? is one character', { StringLike: { 's3:prefix': 'v?' } }, { 's3:prefix': 'v1' }, true],
  ['StringLike ? is not two characters', { StringLike: { 's3:prefix': 'v?' } }, { 's3:prefix': 'v12' }, false],
  ['StringLike is case-sensitive', { StringLike: { 's3:prefix': 'Home/*' } }, { 's3:prefix': 'home/x' }, false],
  ['StringLike treats regex characters literally', { StringLike: { k: 'a.c' } }, { k: 'abc' }, false],
  ['StringNotLike', { StringNotLike: { 's3:prefix': 'home/*' } }, { 's3:prefix': 'tmp/x' }, true],
  ['several values are OR: second matches', { StringEquals: { 'aws:username': ['bob', 'alice'] } }, { 'aws:username': 'alice' }, true],
  ['several values are OR: none matches', { StringEquals: { 'aws:username': ['bob', 'carol'] } }, { 'aws:username': 'alice' }, false],
  ['negated with several values is NOR: one equal', { StringNotEquals: { 'aws:username': ['bob', 'alice'] } }, { 'aws:username': 'alice' }, false],
  ['negated with several values is NOR: none equal', { StringNotEquals: { 'aws:username': ['bob', 'carol'] } }, { 'aws:username': 'alice' }, true],
  ['several keys are AND: both hold', { StringEquals: { a: '1', b: '2' } }, { a: '1', b: '2' }, true],
  ['several keys are AND: one fails', { StringEquals: { a: '1', b: '2' } }, { a: '1', b: '3' }, false],
  ['several operators are AND: one fails', { StringEquals: { a: '1' }, StringLike: { b: 'x*' } }, { a: '1', b: 'y' }, false],
  ['several operators are AND: both hold', { StringEquals: { a: '1' }, StringLike: { b: 'x*' } }, { a: '1', b: 'xy' }, true],
  ['condition keys are case-insensitive', { StringEquals: { 'AWS:UserName': 'alice' } }, { 'aws:username': 'alice' }, true],
  ['operator names are read case-insensitively', { stringequals: { 'aws:username': 'alice' } }, { 'aws:username': 'alice' }, true],
];

const missingKeyRows: Row[] = [
  ['positive operator, key absent → false', { StringEquals: { k: 'v' } }, {}, false],
  ['negated operator, key absent → true', { StringNotEquals: { k: 'v' } }, {}, true],
  ['StringNotLike, key absent → true', { StringNotLike: { k: 'v*' } }, {}, true],
  ['ArnNotLike, key absent → true', { ArnNotLike: { 'aws:SourceArn': 'arn:aws:sns:*:*:t' } }, {}, true],
  ['...IfExists, key absent → true', { StringEqualsIfExists: { k: 'v' } }, {}, true],
  ['...IfExists, key present and different → false', { StringEqualsIfExists: { k: 'v' } }, { k: 'w' }, false],
  ['...IfExists, key present and equal → true', { StringEqualsIfExists: { k: 'v' } }, { k: 'v' }, true],
  ['Null true, key absent → true', { Null: { k: 'true' } }, {}, true],
  ['Null true, key present → false', { Null: { k: 'true' } }, { k: 'x' }, false],
  ['Null false, key present → true', { Null: { k: 'false' } }, { k: 'x' }, true],
  ['Null false, key absent → false', { Null: { k: 'false' } }, {}, false],
  ['Null with a JSON boolean', { Null: { k: false } }, { k: 'x' }, true],
];

const typedRows: Row[] = [
  ['NumericEquals', { NumericEquals: { n: '10' } }, { n: '10' }, true],
  ['NumericEquals compares numbers, not text', { NumericEquals: { n: '10' } }, { n: '10.0' }, true],
  ['NumericNotEquals', { NumericNotEquals: { n: '10' } }, { n: '11' }, true],
  ['NumericLessThan true', { NumericLessThan: { n: 10 } }, { n: '9' }, true],
  ['NumericLessThan false at equal', { NumericLessThan: { n: 10 } }, { n: '10' }, false],
  ['NumericLessThanEquals at equal', { NumericLessThanEquals: { n: 10 } }, { n: '10' }, true],
  ['NumericGreaterThan', { NumericGreaterThan: { n: 10 } }, { n: '11' }, true],
  ['NumericGreaterThanEquals below', { NumericGreaterThanEquals: { n: 10 } }, { n: '9' }, false],
  ['Numeric with a request value that is not a number', { NumericLessThan: { n: 10 } }, { n: 'ten' }, false],
  ['DateLessThan ISO 8601', { DateLessThan: { 'aws:CurrentTime': '2026-06-01T00:00:00Z' } }, { 'aws:CurrentTime': '2026-01-01T00:00:00Z' }, true],
  ['DateGreaterThan ISO 8601', { DateGreaterThan: { 'aws:CurrentTime': '2026-06-01T00:00:00Z' } }, { 'aws:CurrentTime': '2026-01-01T00:00:00Z' }, false],
  ['DateEquals epoch seconds vs ISO', { DateEquals: { 'aws:EpochTime': '1767225600' } }, { 'aws:EpochTime': '2026-01-01T00:00:00Z' }, true],
  ['DateNotEquals', { DateNotEquals: { d: '2026-01-01T00:00:00Z' } }, { d: '2026-01-02T00:00:00Z' }, true],
  ['DateLessThanEquals at equal', { DateLessThanEquals: { d: '2026-01-01T00:00:00Z' } }, { d: '2026-01-01T00:00:00Z' }, true],
  ['DateGreaterThanEquals', { DateGreaterThanEquals: { d: '2026-01-01T00:00:00Z' } }, { d: '2026-01-01T00:00:01Z' }, true],
  ['Bool true', { Bool: { 'aws:SecureTransport': 'true' } }, { 'aws:SecureTransport': 'true' }, true],
  ['Bool false vs true', { Bool: { 'aws:SecureTransport': 'false' } }, { 'aws:SecureTransport': 'true' }, false],
  ['Bool with a JSON boolean', { Bool: { 'aws:MultiFactorAuthPresent': true } }, { 'aws:MultiFactorAuthPresent': 'true' }, true],
  ['BinaryEquals', { BinaryEquals: { b: 'QmluYXJ5' } }, { b: 'QmluYXJ5' }, true],
  ['IpAddress in CIDR', { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, { 'aws:SourceIp': '203.0.113.7' }, true],
  ['IpAddress outside CIDR', { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, { 'aws:SourceIp': '203.0.114.7' }, false],
  ['NotIpAddress outside CIDR', { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, { 'aws:SourceIp': '198.51.100.1' }, true],
  ['ArnEquals exact', { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:123456789012:topic' } }, { 'aws:SourceArn': 'arn:aws:sns:us-east-1:123456789012:topic' }, true],
  ['ArnLike per component with *', { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:123456789012:*' } }, { 'aws:SourceArn': 'arn:aws:sns:eu-west-1:123456789012:t' }, true],
  ['ArnLike: * does not cross into the account component', { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:123456789012:t' } }, { 'aws:SourceArn': 'arn:aws:sns:eu-west-1:999999999999:t' }, false],
  ['ArnLike is case-sensitive', { ArnLike: { 'aws:SourceArn': 'arn:aws:iam::123456789012:role/Admin' } }, { 'aws:SourceArn': 'arn:aws:iam::123456789012:role/admin' }, false],
  ['ArnLike with a request value that is not an ARN', { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:*:t' } }, { 'aws:SourceArn': 'topic' }, false],
  ['ArnNotEquals', { ArnNotEquals: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:123456789012:a' } }, { 'aws:SourceArn': 'arn:aws:sns:us-east-1:123456789012:b' }, true],
];

// IAM-UG "Single-valued vs. multivalued context keys" and "Multivalued context key examples".
const setRows: Row[] = [
  ['ForAnyValue: one of the request values matches', { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['a', 'b'] } }, { 'aws:TagKeys': ['x', 'b'] }, true],
  ['ForAnyValue: none matches', { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['a', 'b'] } }, { 'aws:TagKeys': ['x', 'y'] }, false],
  ['ForAnyValue: key absent → false', { 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'a' } }, {}, false],
  ['ForAnyValue: empty set → false', { 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'a' } }, { 'aws:TagKeys': [] }, false],
  ['ForAllValues: every request value in the policy list', { 'ForAllValues:StringLike': { 'aws:TagKeys': ['key1*', 'x'] } }, { 'aws:TagKeys': ['key1:a', 'x'] }, true],
  ['ForAllValues: one request value outside', { 'ForAllValues:StringLike': { 'aws:TagKeys': 'key1*' } }, { 'aws:TagKeys': ['key1:a', 'key2:b'] }, false],
  ['ForAllValues: key absent → true', { 'ForAllValues:StringLike': { 'aws:TagKeys': 'key1*' } }, {}, true],
  ['ForAllValues: empty set → true', { 'ForAllValues:StringLike': { 'aws:TagKeys': 'key1*' } }, { 'aws:TagKeys': [] }, true],
  ['ForAllValues:StringNotLike (doc example): key2:audit → match', { 'ForAllValues:StringNotLike': { 'aws:TagKeys': 'key1*' } }, { 'aws:TagKeys': ['key2:audit'] }, true],
  ['ForAllValues:StringNotLike (doc example): key1:legal → no match', { 'ForAllValues:StringNotLike': { 'aws:TagKeys': 'key1*' } }, { 'aws:TagKeys': ['key1:legal'] }, false],
  ['ForAnyValue with a single-valued request key', { 'ForAnyValue:StringEquals': { k: 'a' } }, { k: 'a' }, true],
  ['plain operator on a multivalued key does not match', { StringEquals: { 'aws:TagKeys': 'a' } }, { 'aws:TagKeys': ['a'] }, false],
  ['plain negated operator on a multivalued key does not match either', { StringNotEquals: { 'aws:TagKeys': 'z' } }, { 'aws:TagKeys': ['a', 'b'] }, false],
  ['ForAnyValue ...IfExists, key absent → true', { 'ForAnyValue:StringEqualsIfExists': { k: 'a' } }, {}, true],
];

const variableRows: Row[] = [
  ['${aws:username} in a StringLike value', { StringLike: { 's3:prefix': 'home/${aws:username}/*' } }, { 's3:prefix': 'home/alice/x', 'aws:username': 'alice' }, true],
  ['${aws:username} resolves to another user', { StringLike: { 's3:prefix': 'home/${aws:username}/*' } }, { 's3:prefix': 'home/alice/x', 'aws:username': 'bob' }, false],
  ['variable whose key is absent: no match', { StringLike: { 's3:prefix': 'home/${aws:username}/*' } }, { 's3:prefix': 'home/alice/x' }, false],
  ['variable with a default value', { StringEquals: { k: "${aws:username, 'anonymous'}" } }, { k: 'anonymous' }, true],
  ['default value with a doubled quote', { StringEquals: { k: "${aws:username, 'it''s'}" } }, { k: "it's" }, true],
  ['variable keys are case-insensitive', { StringEquals: { k: '${AWS:UserName}' } }, { k: 'alice', 'aws:username': 'alice' }, true],
  ['${*} is a literal asterisk, not a wildcard', { StringLike: { k: 'a${*}' } }, { k: 'abc' }, false],
  ['${*} matches a real asterisk', { StringLike: { k: 'a${*}' } }, { k: 'a*' }, true],
  ['${?} and ${$} are literals', { StringEquals: { k: '${?}${$}' } }, { k: '?$' }, true],
  ['a resolved value is not a wildcard', { StringLike: { k: '${user}' } }, { k: 'anything', user: '*' }, false],
  ['a multivalued key cannot be a variable', { StringEquals: { k: '${aws:TagKeys}' } }, { k: 'a', 'aws:TagKeys': ['a'] }, false],
  ['cognito sub in an ARN condition value', { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::bucket/${cognito-identity.amazonaws.com:sub}/*' } }, { 'aws:SourceArn': 'arn:aws:s3:::bucket/us-east-1:abc/file', 'cognito-identity.amazonaws.com:sub': 'us-east-1:abc' }, true],
  ['numeric operators do not substitute variables', { NumericEquals: { n: '${max}' } }, { n: '5', max: '5' }, false],
];

describe.each([
  ['string operators and combination rules', stringRows],
  ['keys missing from the request', missingKeyRows],
  ['numeric, date, boolean, binary, IP and ARN operators', typedRows],
  ['set operators', setRows],
  ['policy variables', variableRows],
])('%s', (_group, rows) => {
  it.each(rows)('%s', (_label, condition, context, holds) => {
    expect(conditionHolds(condition, context)).toBe(holds);
  });
});

describe('policy language version', () => {
  it('treats variables as literal text in a 2008-10-17 policy', () => {
    const condition = { StringEquals: { k: '${aws:username}' } };
    const context = { k: '${aws:username}', 'aws:username': 'alice' };
    expect(conditionHolds(condition, context, '2008-10-17')).toBe(true);
    expect(conditionHolds(condition, context, '2012-10-17')).toBe(false);
  });
});
