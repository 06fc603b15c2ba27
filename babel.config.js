// Used by jest only, and there only for a test file that calls jest.mock()
// (test/jest-transform.cjs sends every other file to esbuild): babel's jest
// plugin hoists those calls above the imports they replace. Strips TypeScript
// types and turns ES modules into CommonJS.
module.exports = {
  presets: [['@babel/preset-typescript', { allowDeclareFields: true }]],
  plugins: ['@babel/plugin-transform-modules-commonjs'],
};
