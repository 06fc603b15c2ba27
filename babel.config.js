// Used by jest only: strip TypeScript types and turn ES modules (ours, and
// ESM-only packages such as jose and p-retry) into CommonJS. Pure JavaScript,
// so no platform binary is needed on any machine.
module.exports = {
  presets: [['@babel/preset-typescript', { allowDeclareFields: true }]],
  plugins: ['@babel/plugin-transform-modules-commonjs'],
};
