import { deepEqual } from './deep-equal';
import { CaseAborted } from './case-aborted';
import { Expectations } from './expectations';

const serviceError = (name: string, message: string, status = 400) =>
  Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: status } });

describe('Expectations', () => {
  it('records a finding per failed assertion and none for passing ones', () => {
    const e = new Expectations();
    expect(e.equal('a', 1, 1)).toBe(true);
    expect(e.equal('b', { x: [1, 2] }, { x: [1, 2] })).toBe(true);
    expect(e.equal('c', 'admin', 'editor', [{ kind: 'doc', ref: 'CG "Using role-based access control"' }, { kind: 'obs', ref: 'seen' }])).toBe(false);
    expect(e.absent('d', 'present')).toBe(false);
    expect(e.within('e', 3700, 3480, 3605)).toBe(false);
    expect(e.match('f', 'ASIA123', /^AKIA/)).toBe(false);
    expect(e.findings.map((f) => [f.path, f.kind, f.expected, f.actual])).toEqual([
      ['c', 'contract', 'editor', 'admin'],
      ['d', 'contract', 'absent', 'present'],
      ['e', 'contract', 'between 3480 and 3605', 3700],
      ['f', 'contract', 'matching /^AKIA/', 'ASIA123'],
    ]);
    // The citations an assertion takes are reported by their refs.
    expect(e.findings[0].source).toBe('CG "Using role-based access control"; seen');
  });

  it('lifetime(): judged over the whole round trip, so a slow answer passes and a wrong lifetime does not', () => {
    let now = 0;
    const e = new Expectations(() => now);
    const sentAt = 1_000_000;
    // Issued 30 s after it was sent, read 40 s after: expiration − sentAt is 3630, over the window, but
    // the span [3590, 3630] holds 3600.
    now = sentAt + 40_000;
    expect(e.lifetime('slow', new Date(sentAt + 30_000 + 3_600_000), sentAt, 3600)).toBe(true);
    // Two-hour credentials, even read at once: the shortest they can last is 7200 s.
    now = sentAt;
    expect(e.lifetime('long', new Date(sentAt + 7_200_000), sentAt, 3600)).toBe(false);
    // Fifteen-minute credentials: the longest they can last is 900 s.
    expect(e.lifetime('short', new Date(sentAt + 900_000), sentAt, 3600)).toBe(false);
    expect(e.findings.map((f) => [f.path, f.expected, f.actual])).toEqual([
      ['long', 'between 3480 and 3605', 7200],
      ['short', 'between 3480 and 3605', 900],
    ]);
  });

  it('error(): a refusal with the right name passes; a wrong name or message is a finding', async () => {
    const e = new Expectations();
    await e.error('op', Promise.reject(serviceError('NotAuthorizedException', 'no')), { name: 'NotAuthorizedException', message: 'no' });
    expect(e.findings).toEqual([]);
    await e.error('op', Promise.reject(serviceError('ResourceNotFoundException', 'gone')), { name: 'NotAuthorizedException', message: /^no$/ });
    expect(e.findings.map((f) => f.path)).toEqual(['op.error.name', 'op.error.message']);
  });

  it('error(): a call that succeeds is an unexpected-success finding', async () => {
    const e = new Expectations();
    expect(await e.error('op', Promise.resolve({}), { name: 'AccessDenied' })).toBeUndefined();
    expect(e.findings).toEqual([{ path: 'op', kind: 'unexpected-success', expected: { error: 'AccessDenied' }, actual: 'success', source: undefined }]);
  });

  it('error() without a name accepts any refusal', async () => {
    const e = new Expectations();
    const seen = await e.error('op', Promise.reject(serviceError('Whatever', 'm')), {});
    expect([seen?.name, e.findings]).toEqual(['Whatever', []]);
  });

  it('succeeds(): a service refusal aborts the case with an unexpected-error finding', async () => {
    const e = new Expectations();
    const aborted = e.succeeds('GetId', Promise.reject(serviceError('NotAuthorizedException', 'nope')));
    await expect(aborted).rejects.toBeInstanceOf(CaseAborted);
    await e.succeeds('GetId', Promise.reject(serviceError('X', 'y'))).catch((err: CaseAborted) => {
      expect(err.finding).toMatchObject({ path: 'GetId', kind: 'unexpected-error', expected: 'success', actual: { error: 'X', message: 'y' } });
    });
  });

  it('succeeds(): a non-service error (harness bug, network) passes through untouched', async () => {
    const e = new Expectations();
    await expect(e.succeeds('x', Promise.reject(new TypeError('boom')))).rejects.toBeInstanceOf(TypeError);
  });
});

describe('deepEqual', () => {
  it.each([
    [{ a: 1, b: undefined }, { a: 1 }, true],
    [[1, 2], [2, 1], false],
    [{ a: [1] }, { a: [1, 2] }, false],
    [new Date(5), new Date(5), true],
    [null, undefined, false],
  ])('%j vs %j → %s', (a, b, same) => expect(deepEqual(a, b)).toBe(same));
});
