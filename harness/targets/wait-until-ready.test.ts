import { fakeClock, refused } from './fake-launcher';
import { waitUntilReady } from './wait-until-ready';

describe('waitUntilReady', () => {
  it('retries with doubling pauses, capped, until the check passes', async () => {
    const clock = fakeClock();
    let calls = 0;
    const lines: string[] = [];
    const outcome = await waitUntilReady({
      what: 'thing',
      check: async () => {
        if (++calls < 6) throw refused();
      },
      timeoutMs: 60_000,
      intervalMs: 100,
      maxIntervalMs: 500,
      clock,
      log: (l) => lines.push(l),
    });
    expect(outcome).toEqual({ ready: true, attempts: 6 });
    expect(clock.slept).toEqual([100, 200, 400, 500, 500]);
    expect(lines[0]).toBe('waiting for thing (attempt 1: ECONNREFUSED)');
    expect(lines).toHaveLength(5);
  });

  it('stops at the deadline and says what the last attempt saw', async () => {
    const clock = fakeClock();
    const outcome = await waitUntilReady({ what: 'x', check: async () => Promise.reject(new Error('HTTP 503')), timeoutMs: 1000, clock });
    expect(outcome).toMatchObject({ ready: false, why: 'timeout', lastError: 'HTTP 503' });
    expect(clock.now() - 1_000_000).toBe(1000);
  });

  it('stops at once when the abandon promise settles, not at the deadline', async () => {
    const clock = fakeClock();
    let die!: (why: string) => void;
    const abandon = new Promise<string>((r) => (die = r));
    let calls = 0;
    const outcome = await waitUntilReady({
      what: 'x',
      check: async () => {
        if (++calls === 2) die('exit code 1');
        throw refused();
      },
      timeoutMs: 600_000,
      abandon,
      clock,
    });
    expect(outcome).toMatchObject({ ready: false, why: 'abandoned', reason: 'exit code 1', attempts: 2 });
    expect(clock.now() - 1_000_000).toBeLessThan(1000);
  });
});
