import { contractTest } from '../contract-test';
import { samlFederationSuite } from './suite';

contractTest(samlFederationSuite);
