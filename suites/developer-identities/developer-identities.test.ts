import { contractTest } from '../contract-test';
import { developerIdentitiesSuite } from './suite';

contractTest(developerIdentitiesSuite);
