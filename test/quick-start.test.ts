import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LEAK_PATTERNS } from '../harness';
import { HANG_GUARD_MS } from './hang-guard';

// `npm start` as a new user runs it: the CLI in a child process, against the
// reference emulator, writing reports. Then every file it wrote is scanned for secrets.
const root = join(__dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'idchain-quickstart-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test('idchain run --target reference exits 0, prints the summary and writes the four reports without secrets', () => {
  const reportDir = join(work, 'reports');
  // package.json's bin (the compiled CLI, built by `npm test`) is what `npx idchain` and `npm start`
  // users run; started from another directory on purpose.
  const bin = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: { idchain: string } }).bin.idchain;
  const result = spawnSync(process.execPath, [join(root, bin), 'run', '--target', 'reference', '--report-dir', reportDir], {
    cwd: work,
    encoding: 'utf8',
    timeout: HANG_GUARD_MS,
  });
  expect({ status: result.status, stderr: result.status === 0 ? '' : result.stderr }).toEqual({ status: 0, stderr: '' });
  expect(result.stdout).toMatch(/^reference: (\d+) cases, \1 pass, 0 fail, 0 unsupported, 0 error in /m);

  const dir = join(reportDir, 'reference');
  expect(readdirSync(dir).sort()).toEqual(['junit.xml', 'report.html', 'report.json', 'report.md']);
  const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
  expect(report.target).toBe('reference');
  expect(report.summary.total).toBeGreaterThan(0);
  expect(report.summary.pass).toBe(report.summary.total);

  // Teardown deleted everything, so the ledger file is gone.
  expect(readdirSync(join(work, '.idchain', 'ledger'))).toEqual([]);

  for (const file of filesUnder(work)) {
    const text = readFileSync(file, 'utf8');
    for (const { name, pattern } of LEAK_PATTERNS) expect([file, name, pattern.test(text)]).toEqual([file, name, false]);
  }
});
