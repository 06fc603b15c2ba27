import type { SuiteDefinition } from '../harness';
import { enhancedFlowSuite } from './enhanced-flow/suite';

/** Every contract suite, in the order reports list them. */
export const suites: SuiteDefinition[] = [enhancedFlowSuite];
