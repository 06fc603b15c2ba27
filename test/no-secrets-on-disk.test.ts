import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LEAK_PATTERNS } from '../harness';

// Goldens and reports hold redacted values only (DESIGN.md § The golden file).
// test/quick-start.test.ts scans what a fresh run writes; this scans what is in the repo.
const root = join(__dirname, '..');

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const files = [...filesUnder(join(root, 'fixtures')), ...filesUnder(join(root, 'reports'))];

test('the repo ships goldens to scan', () => {
  expect(files.filter((f) => f.endsWith('.json')).length).toBeGreaterThan(0);
});

test.each(files.map((f) => [f.slice(root.length + 1)]))('%s holds no key, token, password or raw JWT', (file) => {
  const text = readFileSync(join(root, file), 'utf8');
  const leaks = LEAK_PATTERNS.filter(({ pattern }) => pattern.test(text)).map(({ name }) => name);
  expect(leaks).toEqual([]);
});
