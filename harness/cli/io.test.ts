import { processIo, type StopSignal } from './io';

// The bin is one process, so a terminal's Ctrl-C reaches it once: the first
// signal starts the stop, a second quits at once (130 for SIGINT, 143 for
// SIGTERM, 128 + the signal's number). The listeners are called directly, not
// through real signals, so nothing here depends on delivery timing.
function hooked(): { stops: StopSignal[]; fire: (signal: StopSignal) => void; unhook: () => void } {
  const before = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };
  const stops: StopSignal[] = [];
  const unhook = processIo.onInterrupt!((signal) => stops.push(signal));
  const added = (signal: StopSignal) => process.listeners(signal).filter((l) => !before[signal].includes(l));
  expect([added('SIGINT').length, added('SIGTERM').length]).toEqual([1, 1]);
  return { stops, fire: (signal) => (added(signal)[0] as (s: StopSignal) => void)(signal), unhook };
}

let exit: jest.SpyInstance;
let stderr: jest.SpyInstance;
beforeEach(() => {
  exit = jest.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
  stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => {
  exit.mockRestore();
  stderr.mockRestore();
});

test('one SIGINT stops the run once and does not exit', () => {
  const { stops, fire, unhook } = hooked();
  fire('SIGINT');
  unhook();
  expect(stops).toEqual(['SIGINT']);
  expect(exit).not.toHaveBeenCalled();
});

test('a second signal quits at once: 130 after SIGINT, 143 after SIGTERM, saying what is left for sweep', () => {
  const a = hooked();
  a.fire('SIGINT');
  a.fire('SIGINT');
  a.unhook();
  expect(a.stops).toEqual(['SIGINT']);
  expect(exit).toHaveBeenLastCalledWith(130);
  const b = hooked();
  b.fire('SIGTERM');
  b.fire('SIGTERM');
  b.unhook();
  expect(exit).toHaveBeenLastCalledWith(143);
  expect(String(stderr.mock.calls.at(-1)?.[0])).toBe("idchain: SIGTERM again: quitting at once; what was created stays in the ledger for 'idchain sweep'\n");
});

test('unhooking removes both listeners', () => {
  const before = [process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')];
  hooked().unhook();
  expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual(before);
});
