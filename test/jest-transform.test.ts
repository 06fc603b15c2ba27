/* eslint-disable @typescript-eslint/no-require-imports */
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';

// The transform every test file goes through (jest.config.ts): esbuild for
// TypeScript and ESM-only packages, babel-jest where jest.mock() must be
// hoisted above the imports it replaces.
const transform = require('./jest-transform.cjs') as {
  process(source: string, path: string, options: unknown): { code: string };
  getCacheKey(source: string, path: string, options: unknown): string;
};
const root = join(__dirname, '..');
const options = { config: { cwd: root, rootDir: root }, configString: '{}', cacheFS: new Map(), transformerConfig: {}, instrument: false, supportsDynamicImport: false, supportsExportNamespaceFrom: false, supportsStaticESM: false, supportsTopLevelAwait: false };

/** Run transformed CommonJS with a require that records what it was asked for. */
function evaluate(code: string, modules: Record<string, unknown> = {}) {
  const asked: string[] = [];
  const jest = { mock: (name: string) => void asked.push(`mock ${name}`) };
  const module = { exports: {} as Record<string, unknown> };
  // babel's hoisted calls reach jest through @jest/globals.
  const require = (name: string) => (name === '@jest/globals' ? { jest } : (asked.push(`require ${name}`), modules[name] ?? {}));
  runInNewContext(code, { module, exports: module.exports, require, jest });
  return { exports: module.exports, asked };
}

test('TypeScript and ES modules become CommonJS: types gone, exports on module.exports, imports required', () => {
  const source = "import { a } from './a';\nexport const twice = (n: number): number => a * n * 2;\nexport default class K { declare x: number; y = 1; }\n";
  const { exports, asked } = evaluate(transform.process(source, '/p/x.ts', options).code, { './a': { a: 3 } });
  expect(asked).toEqual(['require ./a']);
  expect((exports.twice as (n: number) => number)(5)).toBe(30);
  const instance = new (exports.default as new () => object)();
  // Class fields are defined, as tsc's target ES2022 does; a `declare` field is no field at all.
  expect(Object.keys(instance)).toEqual(['y']);
});

test('a file that calls jest.mock() has it hoisted above its imports, so the import gets the mock', () => {
  const source = "import { f } from './f';\njest.mock('./f');\nexport const g = f;\n";
  const { asked } = evaluate(transform.process(source, '/p/y.test.ts', options).code);
  expect(asked).toEqual(['mock ./f', 'require ./f']);
});

test('the cache key follows the source, and differs between the two routes', () => {
  const plain = 'export const a = 1;';
  expect(transform.getCacheKey(plain, '/p/a.ts', options)).toBe(transform.getCacheKey(plain, '/p/a.ts', options));
  expect(transform.getCacheKey(plain, '/p/a.ts', options)).not.toBe(transform.getCacheKey('export const a = 2;', '/p/a.ts', options));
  expect(transform.getCacheKey("jest.mock('x');", '/p/a.ts', options)).toMatch(/^babel:/);
});
