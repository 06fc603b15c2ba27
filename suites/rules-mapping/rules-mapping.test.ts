import { contractTest } from '../contract-test';
import { rulesMappingSuite } from './suite';

contractTest(rulesMappingSuite);
