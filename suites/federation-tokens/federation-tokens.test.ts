import { contractTest } from '../contract-test';
import { federationTokensSuite } from './suite';

contractTest(federationTokensSuite);
