import type { CliIo } from './io';
import { Progress, progressFor } from './progress';

// What a user sees while a run goes: in a CI log, on a terminal, and quiet.
function io(terminal: boolean): CliIo & { stdout: string[]; stderr: string[]; screen: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const screen: string[] = [];
  return {
    stdout,
    stderr,
    screen,
    out: (t) => void (stdout.push(t), screen.push(`${t}\n`)),
    err: (t) => void (stderr.push(t), screen.push(`${t}\n`)),
    terminal: terminal ? { write: (t) => void screen.push(t) } : undefined,
  };
}

const pass = { id: 'enhanced/a', verdict: 'pass' as const, durationMs: 12 };
const fail = { id: 'enhanced/b', verdict: 'fail' as const, durationMs: 2345 };

test('in a log: one plain line per case (verdict, time, id) on stdout, diagnostics on stderr, nothing redrawn', () => {
  const out = io(false);
  const progress = progressFor(out, { total: 2 });
  progress.log('provisioning enhanced-flow');
  progress.onCase(pass);
  progress.onCase(fail, 'moto');
  progress.finish();
  expect(out.stdout).toEqual(['pass           12 ms  enhanced/a', 'moto  FAIL           2.3 s  enhanced/b']);
  expect(out.stderr).toEqual(['[idchain] provisioning enhanced-flow']);
  expect(out.screen.join('')).not.toContain('\r');
});

test('on a terminal: the status line with the counts sits under the case lines, cleared before each line and at the end', () => {
  const out = io(true);
  const progress = progressFor(out, { total: 12 });
  progress.onCase(pass);
  progress.log('tearing down');
  progress.onCase(fail);
  progress.finish();
  const CLEAR = '\r\x1b[2K';
  expect(out.screen).toEqual([
    'pass           12 ms  enhanced/a\n',
    '[ 1/12] 1 pass, 0 fail, 0 unsupported, 0 error',
    CLEAR,
    '[idchain] tearing down\n',
    '[ 1/12] 1 pass, 0 fail, 0 unsupported, 0 error',
    CLEAR,
    'FAIL           2.3 s  enhanced/b\n',
    '[ 2/12] 1 pass, 1 fail, 0 unsupported, 0 error',
    CLEAR,
  ]);
});

test('--quiet: nothing at all while the run goes; --json: case lines on stderr and no status line', () => {
  const quiet = io(true);
  const q = progressFor(quiet, { total: 1, quiet: true });
  q.log('provisioning');
  q.onCase(fail);
  q.finish();
  expect(quiet.screen).toEqual([]);
  // The counts are kept all the same.
  expect(q.status()).toBe('[1/1] 0 pass, 1 fail, 0 unsupported, 0 error');

  const json = io(true);
  const j = progressFor(json, { total: 1, json: true });
  j.onCase(pass);
  j.finish();
  expect([json.stdout, json.stderr]).toEqual([[], ['pass           12 ms  enhanced/a']]);
  expect(json.screen).toEqual(['pass           12 ms  enhanced/a\n']);
});

test('Progress on its own writes where it is told', () => {
  const lines: string[] = [];
  new Progress({ total: 1, out: (l) => lines.push(`out ${l}`), err: (l) => lines.push(`err ${l}`) }).onCase({ id: 'x/y', verdict: 'unsupported', durationMs: 0 });
  expect(lines).toEqual(['out unsupported     0 ms  x/y']);
});
