import { contractTest } from '../contract-test';
import { enhancedFlowSuite } from './suite';

contractTest(enhancedFlowSuite);
