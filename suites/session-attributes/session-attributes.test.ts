import { contractTest } from '../contract-test';
import { sessionAttributesSuite } from './suite';

contractTest(sessionAttributesSuite);
