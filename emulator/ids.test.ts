import { iamUniqueId, newAccessKeyId } from './ids';

describe('IAM ids have the shapes AWS gives them', () => {
  it('unique ids of roles and users are the prefix and 17 base32 characters, 21 in all', () => {
    // IAM-UG "IAM identifiers" § Unique IDs: `AIDAJQABLZS4A3QDU576Q`; real assumed-role id
    // `AROARK7LBOHXASFTNOIZG:example_session_name` [obs: reumachoi/The-Big-IAM-Challenge-Solutions solution_6.md].
    for (const documented of ['AIDAJQABLZS4A3QDU576Q', 'AROARK7LBOHXASFTNOIZG']) expect(documented).toHaveLength(21);
    for (let i = 0; i < 50; i++) {
      expect(iamUniqueId('AROA')).toMatch(/^AROA[A-Z2-7]{17}$/);
      expect(iamUniqueId('AIDA')).toMatch(/^AIDA[A-Z2-7]{17}$/);
    }
  });

  it('access key ids stay 20 characters: the prefix and 16 more', () => {
    // `AKIAIOSFODNN7EXAMPLE` in AWS docs; real temporary key `ASIARK7LBOHXDFQ6KRE3` [obs: Big IAM Challenge write-ups].
    for (const seen of ['AKIAIOSFODNN7EXAMPLE', 'ASIARK7LBOHXDFQ6KRE3']) expect(seen).toHaveLength(20);
    expect(newAccessKeyId('ASIA')).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(newAccessKeyId('AKIA')).toMatch(/^AKIA[A-Z2-7]{16}$/);
  });
});
