import { LEAK_PATTERNS } from './leak-patterns';
import { redact, redactText } from './redact';

// Shaped like real values; none is a real credential.
const ACCESS_KEY = 'ASIAQWERTYUIOPASDFGH';
const LONG_TERM = 'AKIAZXCVBNMLKJHGFDSA';
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';

describe('redact', () => {
  it('replaces secret fields by name, at any depth', () => {
    const out = redact({
      Credentials: { AccessKeyId: ACCESS_KEY, SecretKey: 'abc/def+ghi', SessionToken: 'IQoJ-token', Expiration: new Date(0) },
      AuthParameters: { USERNAME: 'alice', PASSWORD: 'Idc!secret9a' },
      AuthenticationResult: { IdToken: JWT, RefreshToken: 'opaque-refresh' },
    });
    expect(out.Credentials.SecretKey).toBe('<redacted:SecretKey>');
    expect(out.Credentials.SessionToken).toBe('<redacted:SessionToken>');
    expect(out.Credentials.AccessKeyId).toBe('<redacted:temporary-access-key-id>');
    expect(out.Credentials.Expiration).toBe('1970-01-01T00:00:00.000Z');
    expect(out.AuthParameters).toEqual({ USERNAME: 'alice', PASSWORD: '<redacted:PASSWORD>' });
    expect(out.AuthenticationResult.IdToken).toBe('<redacted:IdToken>');
    expect(out.AuthenticationResult.RefreshToken).toBe('<redacted:RefreshToken>');
  });

  it('replaces keys and JWTs inside free text and under any key, such as a Logins map', () => {
    expect(redactText(`key ${LONG_TERM} token ${JWT} end`)).toBe('key <redacted:long-term-access-key-id> token <redacted:jwt> end');
    const out = redact({ Logins: { 'cognito-idp.us-east-1.amazonaws.com/us-east-1_abc': JWT } });
    expect(JSON.stringify(out)).not.toContain('eyJ');
  });

  it('removes a PEM private key block from free text, as the SAML IdP holds one in memory', () => {
    const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n';
    expect(redactText(`could not sign with ${pem}done`)).toBe('could not sign with <redacted:private-key>\ndone');
    expect(JSON.stringify(redact({ message: pem }))).not.toContain('MIIE');
  });

  it('leaves ordinary values alone', () => {
    const value = { RoleArn: 'arn:aws:iam::123456789012:role/x', Precedence: 1, groups: ['a', 'b'], ok: true };
    expect(redact(value)).toEqual(value);
  });

  it('leaves nothing the leak scan would flag', () => {
    const out = JSON.stringify(redact({ SecretAccessKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCD', Password: 'p', a: ACCESS_KEY, b: JWT, SAMLAssertion: 'PHNhbWxwOlJlc3BvbnNlIHhtbG5z' }));
    for (const { name, pattern } of LEAK_PATTERNS) expect([name, pattern.test(out)]).toEqual([name, false]);
  });

  it('the leak scan flags each kind of unredacted secret', () => {
    const samples = [
      ACCESS_KEY,
      `"x": "${JWT}"`,
      '"SecretKey": "abcdefghijklmnopqrst"',
      '"Password": "hunter2"',
      '"SAMLAssertion": "PHNhbWxwOlJlc3BvbnNlIHhtbG5z"',
      '"message": "-----BEGIN PRIVATE KEY-----\\nMIIE"',
    ];
    for (const sample of samples) expect([sample, LEAK_PATTERNS.some(({ pattern }) => pattern.test(sample))]).toEqual([sample, true]);
  });
});
