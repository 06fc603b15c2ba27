import { SDK_SENSITIVE_MARKER as S, entryIsSecret, secrecyOf, sensitivePaths } from './sdk-sensitive';

describe('sensitivePaths', () => {
  it('lists where the filtered copy hides a value, through objects and lists', () => {
    const raw = { ClientId: 'c', AuthParameters: { USERNAME: 'u' }, Users: [{ Name: 'a', Value: 'v' }], Kept: 'k' };
    const filtered = { ClientId: S, AuthParameters: S, Users: [{ Name: 'a', Value: S }], Kept: 'k' };
    expect(sensitivePaths(raw, filtered, 'input')).toEqual(['input.ClientId', 'input.AuthParameters', 'input.Users[0].Value']);
  });

  it('finds nothing when nothing is filtered, or there was no filter', () => {
    expect(sensitivePaths({ a: 'x' }, { a: 'x' }, 'output')).toEqual([]);
    expect(sensitivePaths({ a: 'x' }, undefined, 'output')).toEqual([]);
  });
});

describe('secrecyOf', () => {
  it.each<[string, boolean, unknown, string]>([
    ['SecretKey', true, 'k', 'secret'],
    ['RefreshToken', true, 'r', 'secret'],
    ['SessionToken', false, 't', 'secret'],
    ['ClientId', true, 'c', 'kept'],
    ['Username', true, 'ana', 'kept'],
    ['AuthParameters', true, { USERNAME: 'ana' }, 'entries'],
    ['Logins', true, { p: 'jwt' }, 'kept'],
    ['RoleArn', false, 'arn', 'kept'],
  ])('%s (sensitive in the model: %s) is %s', (key, sensitive, value, expected) => expect(secrecyOf(key, sensitive, value)).toBe(expected));

  it('in a sign-in parameter map, only the username is kept', () => {
    expect(['USERNAME', 'PASSWORD', 'SECRET_HASH', 'REFRESH_TOKEN', 'NEW_PASSWORD'].map(entryIsSecret)).toEqual([false, true, true, true, true]);
  });
});
