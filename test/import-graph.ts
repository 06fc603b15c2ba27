import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

/**
 * The project's import graph as TypeScript itself resolves it: every
 * `import`, `export … from` and `import type` of every source file, through
 * the compiler options in tsconfig.json. Test files are left out (nothing
 * imports them); everything outside the repository (node_modules) too.
 */
export type ImportGraph = Map<string, string[]>;

const ROOT = join(__dirname, '..');

function compilerOptions(): ts.CompilerOptions {
  const file = join(ROOT, 'tsconfig.json');
  const { config } = ts.readConfigFile(file, ts.sys.readFile);
  return ts.parseJsonConfigFileContent(config, ts.sys, ROOT).options;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Repository-relative paths with forward slashes: `harness/cases/finding.ts`. */
function rel(path: string): string {
  return relative(ROOT, path).split(sep).join('/');
}

export function projectImportGraph(rooms: readonly string[] = ['harness', 'emulator', 'suites', 'scripts']): ImportGraph {
  const options = compilerOptions();
  const graph: ImportGraph = new Map();
  for (const file of rooms.flatMap((room) => sourceFiles(join(ROOT, room)))) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles.flatMap(({ fileName }) => {
      const resolved = ts.resolveModuleName(fileName, file, options, ts.sys).resolvedModule;
      if (!resolved || resolved.isExternalLibraryImport) return [];
      return [rel(resolved.resolvedFileName)];
    });
    graph.set(rel(file), [...new Set(targets)].sort());
  }
  return graph;
}

/** Strongly connected components of more than one file (or a file importing itself): the import circles. */
export function importCircles(graph: ImportGraph): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (v: string): void => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, indices.get(w)!));
      }
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) circles.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!indices.has(v)) visit(v);
  return circles;
}

/**
 * The one way data flows through the harness (DESIGN.md § Layout): a folder
 * may import its own files and those of folders before it, never after.
 * `secrets/`, `errors.ts` and `version.ts` are leaves anyone may import and
 * that import nothing else of the harness; `index.ts` is the public API on
 * top, which nothing inside the harness imports.
 */
export const HARNESS_ORDER = ['targets', 'clients', 'cases', 'provisioning', 'flows', 'runner', 'golden', 'report', 'contract', 'cli'] as const;
const HARNESS_LEAVES = ['secrets', 'errors.ts', 'version.ts'];

/** The harness room a file is in: `cases`, `secrets`, `index.ts`, …; undefined outside harness/. */
function harnessPart(file: string): string | undefined {
  const m = /^harness\/([^/]+)/.exec(file);
  return m?.[1];
}

export interface Violation {
  from: string;
  to: string;
  rule: string;
}

/** Every import that breaks the harness's order or a room's door (DESIGN.md § Layout). */
export function layoutViolations(graph: ImportGraph): Violation[] {
  const out: Violation[] = [];
  for (const [from, targets] of graph) {
    for (const to of targets) {
      const rule = brokenRule(from, to);
      if (rule) out.push({ from, to, rule });
    }
  }
  return out;
}

function brokenRule(from: string, to: string): string | undefined {
  const fromRoom = from.split('/')[0];
  const toRoom = to.split('/')[0];
  if (fromRoom === 'emulator' && toRoom !== 'emulator') return 'emulator/ imports nothing outside itself';
  if (fromRoom === 'harness' && toRoom === 'emulator' && to !== 'emulator/index.ts') return 'harness/ uses the emulator only through emulator/index.ts';
  if ((fromRoom === 'suites' || fromRoom === 'scripts') && toRoom === 'harness' && to !== 'harness/index.ts') return `${fromRoom}/ use the harness only through harness/index.ts`;
  if (fromRoom === 'harness' && (toRoom === 'suites' || toRoom === 'scripts')) return 'harness/ never imports suites/ or scripts/ (it loads suites at run time)';
  if (fromRoom !== 'harness' || toRoom !== 'harness') return undefined;

  const a = harnessPart(from)!;
  const b = harnessPart(to)!;
  if (b === 'index.ts') return 'nothing inside the harness imports its public API, harness/index.ts';
  if (a === 'index.ts') return undefined;
  if (HARNESS_LEAVES.includes(a)) return a === b ? undefined : `${a} is a leaf: it imports nothing else of the harness`;
  if (HARNESS_LEAVES.includes(b)) return undefined;
  const ra = HARNESS_ORDER.indexOf(a as (typeof HARNESS_ORDER)[number]);
  const rb = HARNESS_ORDER.indexOf(b as (typeof HARNESS_ORDER)[number]);
  if (ra < 0) return `harness/${a} has no place in the order ${HARNESS_ORDER.join(' → ')}`;
  if (rb < 0) return `harness/${b} has no place in the order ${HARNESS_ORDER.join(' → ')}`;
  return rb > ra ? `${a}/ comes before ${b}/ in ${HARNESS_ORDER.join(' → ')}: it may not import it` : undefined;
}
