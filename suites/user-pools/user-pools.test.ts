import { contractTest } from '../contract-test';
import { userPoolsSuite } from './suite';

contractTest(userPoolsSuite);
