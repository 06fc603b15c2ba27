import { join } from 'node:path';
import type { SuiteDefinition } from '../runner/suite';
import { CODE_ROOT } from '../version';

/**
 * The suites live in suites/, which builds on the harness; the harness loads
 * them at run time rather than importing them, so the dependency runs one way.
 */
export function loadSuites(root = CODE_ROOT): SuiteDefinition[] {
  // require, not import(): the project is CommonJS built, under tsx and under jest.
  // No extension: suites/index.js once built, suites/index.ts from the sources.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(join(root, 'suites', 'index')) as { suites?: SuiteDefinition[]; default?: { suites?: SuiteDefinition[] } };
  const suites = mod.suites ?? mod.default?.suites;
  if (!Array.isArray(suites)) throw new Error(`suites/index.ts must export 'suites', an array of suite definitions.`);
  return suites;
}
