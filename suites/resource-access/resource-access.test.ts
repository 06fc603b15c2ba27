import { contractTest } from '../contract-test';
import { resourceAccessSuite } from './suite';

contractTest(resourceAccessSuite);
