import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HARNESS_ORDER, importCircles, layoutViolations, projectImportGraph, type ImportGraph } from './import-graph';

// DESIGN.md § Layout, checked on the import graph TypeScript resolves from the
// sources themselves: no import circle anywhere, data one way through the
// harness, and each room entered only by its door.
const graph = projectImportGraph();

test('the graph is read from the real sources: the CLI reaches the runner, the emulator its router', () => {
  expect(graph.get('harness/cli/program.ts')).toEqual(expect.arrayContaining(['harness/errors.ts', 'harness/version.ts', 'harness/cli/commands/lazy.ts']));
  // The commands are loaded on demand with require(), and the graph still sees them.
  expect(graph.get('harness/cli/commands/lazy.ts')).toEqual(expect.arrayContaining(['harness/cli/commands/run.ts', 'harness/cli/commands/emulator.ts']));
  expect(graph.get('harness/cli/commands/emulator.ts')).toContain('emulator/index.ts');
  expect(graph.get('emulator/index.ts')?.length).toBeGreaterThan(0);
  expect(graph.size).toBeGreaterThan(200);
});

test('no import circle anywhere: harness, emulator, suites, scripts', () => {
  expect(importCircles(graph)).toEqual([]);
});

test(`harness/ folders import only themselves and those before them: ${HARNESS_ORDER.join(' → ')}, secrets/ a leaf`, () => {
  expect(layoutViolations(graph)).toEqual([]);
});

test('no harness or emulator source file is over 250 lines', () => {
  const lines = (file: string) => readFileSync(join(__dirname, '..', file), 'utf8').split('\n').length - 1;
  const long = [...graph.keys()].filter((f) => f.startsWith('harness/') || f.startsWith('emulator/')).filter((f) => lines(f) > 250);
  expect(long.map((f) => `${f}: ${lines(f)} lines`)).toEqual([]);
});

describe('the checks themselves', () => {
  const fake: ImportGraph = new Map([
    ['harness/cases/a.ts', ['harness/runner/b.ts', 'harness/secrets/redact.ts']],
    ['harness/runner/b.ts', ['harness/cases/a.ts']],
    ['harness/secrets/redact.ts', ['harness/clients/c.ts']],
    ['harness/clients/c.ts', []],
    ['harness/golden/d.ts', ['harness/index.ts', 'emulator/sts/x.ts']],
    ['suites/s.ts', ['harness/cases/a.ts']],
    ['emulator/sts/x.ts', ['harness/errors.ts']],
  ]);

  it('find a circle', () => {
    expect(importCircles(fake)).toEqual([['harness/cases/a.ts', 'harness/runner/b.ts']]);
  });

  it('find each kind of wrong arrow', () => {
    expect(layoutViolations(fake).map((v) => `${v.from} -> ${v.to}`)).toEqual([
      'harness/cases/a.ts -> harness/runner/b.ts',
      'harness/secrets/redact.ts -> harness/clients/c.ts',
      'harness/golden/d.ts -> harness/index.ts',
      'harness/golden/d.ts -> emulator/sts/x.ts',
      'suites/s.ts -> harness/cases/a.ts',
      'emulator/sts/x.ts -> harness/errors.ts',
    ]);
  });
});
