import { AwsServiceError } from '../errors';
import { JsonInputCheck, type JsonInputOptions } from './json-input';

const options: JsonInputOptions = {
  style: { order: 'length-first', patternOnEmpty: false, lengthUnit: 'utf-16' },
  toError: (message) => new AwsServiceError('SomeValidation', message, 400),
};

describe('JsonInputCheck (awsJson request members)', () => {
  it('keeps an invalid value by default and drops it with dropInvalid, so dependent checks can skip it', () => {
    const keep = new JsonInputCheck(options);
    expect(keep.string('toolong', 'name', { max: 3 })).toBe('toolong');
    expect(keep.integer(0, 'limit', { min: 1 })).toBe(0);
    const drop = new JsonInputCheck({ ...options, dropInvalid: true });
    expect(drop.string('toolong', 'name', { max: 3 })).toBeUndefined();
    expect(drop.integer(0, 'limit', { min: 1 })).toBeUndefined();
    expect(drop.string('ok', 'name', { max: 3 })).toBe('ok');
    expect(drop.count).toBe(2);
  });

  it('names members through memberName but reports a wrong JSON type by the name passed', () => {
    const check = new JsonInputCheck({ ...options, memberName: (n) => n.toLowerCase() });
    check.present(undefined, 'UserPoolId');
    expect(check.messages).toEqual(["Value null at 'userpoolid' failed to satisfy constraint: Member must not be null"]);
    expect(() => check.boolean('yes', 'Flag')).toThrow(expect.objectContaining({ code: 'SerializationException', message: 'Expected a boolean for Flag.' }));
  });

  it('reports a bad list member against the whole list', () => {
    const check = new JsonInputCheck(options);
    check.enumList(['A', 'Z'], 'flows', ['A', 'B']);
    check.stringList(['ok', 'x!'], 'ids', { pattern: '\\w+' });
    expect(check.messages).toEqual([
      "Value '[A, Z]' at 'flows' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [A, B]]",
      "Value '[ok, x!]' at 'ids' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy regular expression pattern: \\w+]",
    ]);
  });
});
