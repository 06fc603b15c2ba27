import { resolveTarget, TARGET_NAMES } from './registry';

describe('registry: emulator targets', () => {
  it('knows moto, cognito-local and localstack by name', () => {
    expect(TARGET_NAMES).toEqual(expect.arrayContaining(['moto', 'cognito-local', 'localstack']));
    expect(resolveTarget({ name: 'moto' }).services).toEqual(['cognito-idp', 'cognito-identity', 'sts', 'iam', 's3']);
    expect(resolveTarget({ name: 'cognito-local' }).services).toEqual(['cognito-idp']);
  });

  it('keeps each name and its claims with --endpoint', () => {
    const t = resolveTarget({ name: 'cognito-local', endpoint: 'http://127.0.0.1:9229' });
    expect([t.name, t.services]).toEqual(['cognito-local', ['cognito-idp']]);
    expect(resolveTarget({ name: 'localstack', endpoint: 'http://127.0.0.1:4566' }).services).toHaveLength(5);
  });

  it('refuses a malformed --endpoint for them as bad usage', () =>
    expect(() => resolveTarget({ name: 'moto', endpoint: 'nope' })).toThrow(/--endpoint nope is not a URL/));
});
