import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineSuite, referenceTarget, runContract, type CaseDefinition } from '../harness';

// A case that waits for the clock (a token expiring) runs beside the case
// concurrency limit. Proven with one slot: the waiting case only finishes once
// another case of the run has, which could never happen if it held the slot
// (the control gives up after 5 s: time enough for a busy machine to run a case
// that does nothing).
const ledgerDir = mkdtempSync(join(tmpdir(), 'idchain-waits-'));
afterAll(() => rmSync(ledgerDir, { recursive: true, force: true }));

const cite = [{ kind: 'doc' as const, ref: 'test' }];

function suiteWith(waitsOnClock: boolean) {
  let otherRan!: () => void;
  const other = new Promise<void>((resolve) => (otherRan = resolve));
  const waiting: CaseDefinition = {
    id: 'waits/for-the-other',
    title: 'waits until the other case has run',
    citations: cite,
    waitsOnClock,
    run: async () => {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((_, reject) => (timer = setTimeout(() => reject(new Error('the other case never ran while this one waited')), 5_000)));
      await Promise.race([other, late]).finally(() => clearTimeout(timer));
    },
  };
  const runs: CaseDefinition = { id: 'waits/other', title: 'runs', citations: cite, run: async () => otherRan() };
  return defineSuite({ name: 'waits', title: 'a case waiting on the clock', services: ['sts'], fixture: {}, cases: [waiting, runs] });
}

test('with one case slot, a case that waits on the clock lets the next case run; one that holds the slot does not', async () => {
  const target = await referenceTarget().start({});
  try {
    const beside = await runContract({ target, suites: [suiteWith(true)], baseline: false, ledgerDir, concurrency: 1 });
    expect(beside.cases.map((c) => [c.id, c.verdict]).sort()).toEqual([
      ['waits/for-the-other', 'pass'],
      ['waits/other', 'pass'],
    ]);
    // The control: the same case holding the only slot waits in vain (so the test above can fail).
    const holding = await runContract({ target, suites: [suiteWith(false)], baseline: false, ledgerDir, concurrency: 1 });
    expect(holding.cases.find((c) => c.id === 'waits/for-the-other')?.verdict).not.toBe('pass');
  } finally {
    await target.stop();
  }
});
