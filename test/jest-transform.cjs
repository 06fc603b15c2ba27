// Jest's transform: TypeScript, and the ES modules of ESM-only packages (jose,
// p-retry, …), turned into CommonJS by esbuild. Babel did this before and was
// a tenth of `npm test`'s CPU on a clean clone (about 50 s of 435), nearly all
// of it parsing; esbuild does the same files in well under a second. A file
// that calls jest.mock() still goes through babel-jest: only babel's jest
// plugin hoists those calls above the imports they replace.
const { transformSync, version } = require('esbuild');
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const babelJest = require('babel-jest').default;

const babel = babelJest.createTransformer();
const HOISTED = /\bjest\.(mock|unmock|enableAutomock|disableAutomock|deepUnmock)\(/;

// A change to this file (its options) is a new transform: its cached output must not be reused.
const SELF = createHash('sha256').update(`esbuild ${version}\0`).update(readFileSync(__filename)).digest('hex');

// As tsconfig.json compiles them (target ES2022): class fields are defined, as tsc does there.
const tsconfigRaw = { compilerOptions: { useDefineForClassFields: true } };

module.exports = {
  canInstrument: false,
  getCacheKey(source, path, options) {
    if (HOISTED.test(source)) return `babel:${babel.getCacheKey(source, path, options)}`;
    return createHash('sha256').update(`${SELF}\0${path}\0`).update(source).digest('hex');
  },
  process(source, path, options) {
    if (HOISTED.test(source)) return babel.process(source, path, options);
    const { code, map } = transformSync(source, {
      loader: path.endsWith('.ts') ? 'ts' : 'js',
      format: 'cjs',
      target: 'node20',
      platform: 'node',
      sourcefile: path,
      sourcemap: 'external',
      tsconfigRaw,
    });
    return { code, map };
  },
};
