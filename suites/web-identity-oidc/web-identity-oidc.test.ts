import { contractTest } from '../contract-test';
import { webIdentityOidcSuite } from './suite';

contractTest(webIdentityOidcSuite);
