import type { CliIo, StopSignal } from './io';
import { controlled, type ControlClock, type RunLimits } from './run-control';

// The CLI's stop logic through its seams: signals from a fake process, timers
// fired by hand. What is asserted is what the user gets — the exit code, the
// message — and that the work was told to stop; never how long anything took.
function harness() {
  const lines: string[] = [];
  let send: (s: StopSignal) => void = () => {};
  let hooked = false;
  const io: CliIo = {
    out: (t) => void lines.push(t),
    err: (t) => void lines.push(t),
    onInterrupt(handler) {
      hooked = true;
      send = handler;
      return () => (hooked = false);
    },
  };
  const timers = new Map<number, { fn: () => void; ms: number }>();
  let next = 0;
  const clock: ControlClock = {
    setTimeout: (fn, ms) => (timers.set(++next, { fn, ms }), next),
    clearTimeout: (h) => void timers.delete(h as number),
  };
  const fire = (ms: number) => [...timers.entries()].filter(([, t]) => t.ms === ms).forEach(([id, t]) => (timers.delete(id), t.fn()));
  return { io, lines, clock, fire, send: (s: StopSignal) => send(s), hooked: () => hooked, timers };
}

const limits: RunLimits = { timeoutMs: 3_600_000, teardownTimeoutMs: 300_000, http: { connectionMs: 1, requestMs: 1 }, shown: { timeout: '1h', teardownTimeout: '5m' } };

/** Work that runs until its signal is aborted, then "tears down" and returns `code`. */
function stoppable(code: number) {
  const seen: string[] = [];
  return {
    seen,
    work: (control: { signal: AbortSignal }) =>
      new Promise<number>((resolve) => control.signal.addEventListener('abort', () => (seen.push(String(control.signal.reason)), resolve(code)))),
  };
}

test('SIGINT: the work is told to stop, it finishes its teardown, and the run exits 130 saying why', async () => {
  const h = harness();
  const w = stoppable(0);
  const run = controlled(h.io, limits, w.work, h.clock);
  h.send('SIGINT');
  expect(await run).toBe(130);
  expect(w.seen).toEqual(['SIGINT']);
  expect(h.lines[0]).toBe('idchain: SIGINT received: starting no new work, cancelling the calls in flight, tearing down (up to 5m; SIGINT again to quit at once)');
  expect(h.lines.at(-1)).toBe('idchain: stopped (SIGINT); exit 130');
  expect(h.hooked()).toBe(false);
  expect(h.timers.size).toBe(0);
});

test('SIGTERM exits 143', async () => {
  const h = harness();
  const run = controlled(h.io, limits, stoppable(1).work, h.clock);
  h.send('SIGTERM');
  expect(await run).toBe(143);
});

test('the deadline stops the run like an interrupt, and exits 3', async () => {
  const h = harness();
  const w = stoppable(1);
  const run = controlled(h.io, limits, w.work, h.clock);
  h.fire(3_600_000);
  expect(await run).toBe(3);
  expect(w.seen).toEqual(['deadline']);
  expect(h.lines[0]).toContain('the run passed its deadline (--timeout 1h)');
});

test('a teardown that outlives its deadline is given up on: the CLI ends anyway, pointing at sweep', async () => {
  const h = harness();
  const run = controlled(h.io, limits, () => new Promise<number>(() => {}), h.clock); // never finishes
  h.send('SIGINT');
  h.fire(300_000 + 30_000);
  expect(await run).toBe(130);
  expect(h.lines.join('\n')).toContain("teardown did not finish within --teardown-timeout 5m: stopping now. What the run created and did not confirm gone stays in .idchain/ledger for 'idchain sweep'.");
});

test('once idle (a kept emulator waiting), Ctrl-C ends it as asked: the work’s own exit code, no deadline', async () => {
  const h = harness();
  const run = controlled(
    h.io,
    limits,
    async (control) => {
      control.idle();
      await new Promise((r) => control.signal.addEventListener('abort', r));
      return 0;
    },
    h.clock,
  );
  await Promise.resolve();
  expect([...h.timers.values()].map((t) => t.ms)).toEqual([]);
  h.send('SIGINT');
  expect(await run).toBe(0);
});

test('work that throws once stopped ends with the stop’s code and its reason, not a stack', async () => {
  const h = harness();
  const run = controlled(
    h.io,
    limits,
    (control) => new Promise<number>((_, reject) => control.signal.addEventListener('abort', () => reject(new Error('This operation was aborted')))),
    h.clock,
  );
  h.send('SIGINT');
  expect(await run).toBe(130);
  expect(h.lines.at(-1)).toBe('idchain: stopped (SIGINT) while starting: This operation was aborted; exit 130');
});

test('a run that finishes on its own keeps its exit code and unhooks everything', async () => {
  const h = harness();
  expect(await controlled(h.io, limits, async () => 1, h.clock)).toBe(1);
  expect([h.hooked(), h.timers.size, h.lines]).toEqual([false, 0, []]);
});
