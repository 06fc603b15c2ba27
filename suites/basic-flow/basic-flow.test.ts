import { contractTest } from '../contract-test';
import { basicFlowSuite } from './suite';

contractTest(basicFlowSuite);
