import { contractTest } from '../contract-test';
import { identityLinkingSuite } from './suite';

contractTest(identityLinkingSuite);
