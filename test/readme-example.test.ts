import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HANG_GUARD_MS } from './hang-guard';

// README "Use from code" shows a script a team can copy. This runs it as it
// stands there (its `idchain` import pointed at this checkout's sources), so
// the example cannot drift from the API.
const root = join(__dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'idchain-readme-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function example(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Use from code'));
  const block = /```ts\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('README "Use from code" has no ```ts block');
  return block[1];
}

test('the README example runs: the enhanced-flow contract passes, a session provisions and cleans up, the emulator starts', () => {
  const code = example();
  expect(code).toContain("from 'idchain'");
  const file = join(work, 'check.ts');
  writeFileSync(file, code.replace("from 'idchain'", `from ${JSON.stringify(join(root, 'harness'))}`));
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), file], { cwd: work, encoding: 'utf8', timeout: HANG_GUARD_MS });
  expect({ status: result.status, stderr: result.status === 0 ? '' : result.stderr }).toEqual({ status: 0, stderr: '' });
  // The enhanced-flow suite has 14 cases (README "What it checks").
  expect(result.stdout).toContain('{ total: 14, pass: 14, fail: 0, unsupported: 0, error: 0 }');
  expect(result.stdout).toMatch(/^alice$/m);
  expect(result.stdout).toMatch(/^AWS_ENDPOINT_URL=http:\/\/127\.0\.0\.1:\d+$/m);
});
