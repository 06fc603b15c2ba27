import { contractTest } from '../contract-test';
import { assumeRoleSuite } from './suite';

contractTest(assumeRoleSuite);
