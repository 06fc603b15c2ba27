import { contractTest } from '../contract-test';
import { stsDurationBoundsSuite } from './suite';

// The duration table against the reference emulator: every row must pass.
// Expected values come from the STS API reference and aws-contract.md §3, each row citing them.
contractTest(stsDurationBoundsSuite);

test('every STS operation that issues credentials has a row below the 900 s minimum, one at it, and one for the default', () => {
  const rows = stsDurationBoundsSuite.cases.map((c) => c.table!.row);
  for (const operation of ['AssumeRole', 'AssumeRoleWithWebIdentity', 'AssumeRoleWithSAML', 'GetFederationToken', 'GetSessionToken']) {
    const asked = rows.filter((r) => r.operation === operation).map((r) => r.DurationSeconds);
    expect([operation, asked]).toEqual([operation, expect.arrayContaining([899, 900, 'omitted'])]);
  }
  expect(new Set(stsDurationBoundsSuite.cases.map((c) => c.table!.family)).size).toBe(1);
});
