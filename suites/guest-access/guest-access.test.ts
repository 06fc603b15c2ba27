import { contractTest } from '../contract-test';
import { guestAccessSuite } from './suite';

contractTest(guestAccessSuite);
