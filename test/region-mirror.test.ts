import { regionFacts } from '../emulator/region';
import { regionNames } from '../harness/targets/region';

// The harness may not import the emulator's Region rules (DESIGN.md § Layout), so it
// keeps its own (harness/targets/region.ts). Both sides of the room wall must derive the
// same names, or a run in that Region fails for a reason that is idchain's, not AWS's.
test.each([
  'us-east-1', 'us-west-2', 'eu-west-1', 'ap-northeast-3', 'eu-south-1', 'af-south-1', 'ap-east-1', 'il-central-1', 'mx-central-1',
  'cn-north-1', 'cn-northwest-1', 'us-gov-west-1', 'us-gov-east-1',
])('%s: the harness and the emulator derive the same partition, DNS suffix and identity-pool names', (region) => {
  const emulator = regionFacts(region);
  const harness = regionNames(region);
  expect({
    partition: harness.partition,
    dnsSuffix: harness.dnsSuffix,
    issuer: harness.identityIssuer,
    principal: harness.identityPrincipal,
    logins: harness.identityLoginsKey,
  }).toEqual({
    partition: emulator.partition,
    dnsSuffix: emulator.dnsSuffix,
    issuer: emulator.identityIssuer,
    principal: emulator.identityPrincipal,
    logins: emulator.identityLoginsKey,
  });
});
