import { XMLParser } from 'fast-xml-parser';
import { AwsServiceError } from '../errors';
import { decodeQueryForm, encodeQueryError, encodeQueryResult, isoSeconds } from './aws-query';

const parse = (xml: string) => new XMLParser({ parseTagValue: false }).parse(xml);

describe('awsQuery decoding (form-encoded, lists as Name.member.N)', () => {
  it('reads Action, Version and flattened lists of scalars and structures, in index order', () => {
    const body =
      'Action=CreateRole&Version=2010-05-08&RoleName=r&Tags.member.2.Key=b&Tags.member.2.Value=2&Tags.member.1.Key=a&Tags.member.1.Value=1' +
      '&ClientIDList.member.1=web&ClientIDList.member.10=ten&ClientIDList.member.2=mobile&MaxSessionDuration=7200';
    expect(decodeQueryForm(body)).toEqual({
      action: 'CreateRole',
      version: '2010-05-08',
      input: {
        RoleName: 'r',
        Tags: [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }],
        ClientIDList: ['web', 'mobile', 'ten'],
        MaxSessionDuration: '7200',
      },
    });
  });

  it('decodes percent-encoding and plus signs as the SDK sends them', () => {
    const policy = '{"Version":"2012-10-17","Statement":[]}';
    const body = `Action=X&Version=1&AssumeRolePolicyDocument=${encodeURIComponent(policy)}&Name=a+b`;
    expect(decodeQueryForm(body).input).toEqual({ AssumeRolePolicyDocument: policy, Name: 'a b' });
  });
});

describe('awsQuery decoding of hostile forms', () => {
  const refusal = (body: string) => {
    try {
      decodeQueryForm(body);
    } catch (err) {
      return [(err as AwsServiceError).code, (err as AwsServiceError).status];
    }
    return undefined;
  };

  it('keeps the first of two values, as STS does [obs: argmin sts_oracle.rs "duplicate-action", "…-invalid-first"]', () => {
    expect(decodeQueryForm('Action=A&Action=B&Version=1&Version=2&RoleName=x&RoleName=y')).toEqual({ action: 'A', version: '1', input: { RoleName: 'x' } });
  });

  it('tells a missing Action from an empty one', () => {
    expect(decodeQueryForm('Version=1').action).toBeUndefined();
    expect(decodeQueryForm('Action=&Version=1').action).toBe('');
  });

  it('refuses __proto__, constructor and prototype anywhere in a key, and keys deeper than 32 parts', () => {
    for (const key of ['__proto__.x', 'a.constructor.prototype', 'Tags.member.1.prototype', '__proto__']) expect(refusal(`${key}=1`)).toEqual(['InvalidQueryParameter', 400]);
    expect(refusal(`${Array(33).fill('a').join('.')}=1`)).toEqual(['InvalidQueryParameter', 400]);
    expect(decodeQueryForm(`${Array(32).fill('a').join('.')}=1`).input).toHaveProperty('a');
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  it('refuses broken percent-encoding as MalformedQueryString 404 [doc: "Common Errors"]', () => {
    expect(refusal('Action=X&Version=1&Name=%E0%A4%A')).toEqual(['MalformedQueryString', 404]);
    expect(refusal('Action=X&%zz=1')).toEqual(['MalformedQueryString', 404]);
  });
});

describe('awsQuery encoding (STS-API / IAM-API response and error shapes)', () => {
  it('wraps the result in <ActionResponse><ActionResult> with ResponseMetadata and the request id header', () => {
    const answer = encodeQueryResult('GetCallerIdentity', 'https://sts.amazonaws.com/doc/2011-06-15/', { Arn: 'a&b', Account: '123' }, 'req-1');
    expect(answer.status).toBe(200);
    expect(answer.headers['x-amzn-requestid']).toBe('req-1');
    expect(parse(answer.body)).toEqual({
      GetCallerIdentityResponse: {
        GetCallerIdentityResult: { Arn: 'a&b', Account: '123' },
        ResponseMetadata: { RequestId: 'req-1' },
      },
    });
    expect(answer.body).toContain('xmlns="https://sts.amazonaws.com/doc/2011-06-15/"');
  });

  it('writes lists as <member> elements and dates as ISO-8601 seconds', () => {
    const body = encodeQueryResult('ListRoles', 'ns', { Roles: [{ RoleName: 'a' }, { RoleName: 'b' }], When: new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 678)) }, 'r').body;
    expect(body).toContain('<Roles><member><RoleName>a</RoleName></member><member><RoleName>b</RoleName></member></Roles>');
    expect(body).toContain('<When>2026-01-02T03:04:05Z</When>');
    expect(isoSeconds(new Date(0))).toBe('1970-01-01T00:00:00Z');
  });

  it('answers errors as <ErrorResponse> with Type, Code, Message, RequestId and the status', () => {
    const answer = encodeQueryError(new AwsServiceError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity', 403), 'ns', 'req-2');
    expect(answer.status).toBe(403);
    expect(parse(answer.body)).toEqual({
      ErrorResponse: {
        Error: { Type: 'Sender', Code: 'AccessDenied', Message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity' },
        RequestId: 'req-2',
      },
    });
  });

  it('marks 5xx errors as Receiver faults and escapes markup in messages', () => {
    const answer = encodeQueryError(new AwsServiceError('InternalFailure', 'a <b> & c', 500), 'ns', 'r');
    expect(answer.body).toContain('<Type>Receiver</Type>');
    expect(answer.body).toContain('a &lt;b&gt; &amp; c');
  });
});
