import { nameQualifier, samlDoc, subjectType } from './saml-answer';

describe('AssumeRoleWithSAML answer fields (STS-API AssumeRoleWithSAML)', () => {
  test('NameQualifier is BASE64(SHA1(Issuer + account + "/" + provider name)), the documented pseudocode', () => {
    // The STS-API pseudocode: BASE64 ( SHA1 ( "https://example.com/saml" + "123456789012" + "/MySAMLIdP" ) ).
    // Expected value computed outside this code: printf '%s' 'https://example.com/saml123456789012/MySAMLIdP' | openssl sha1 -binary | base64
    expect(nameQualifier('https://example.com/saml', '123456789012', 'MySAMLIdP')).toBe('1uAJanUnBc2XeUkHURMht+xam2c=');
  });

  test('NameQualifier changes with the provider name and the account (it qualifies the subject per provider)', () => {
    const base = nameQualifier('https://example.com/saml', '123456789012', 'MySAMLIdP');
    expect(nameQualifier('https://example.com/saml', '123456789012', 'OtherIdP')).not.toBe(base);
    expect(nameQualifier('https://example.com/saml', '210987654321', 'MySAMLIdP')).not.toBe(base);
  });

  test.each([
    ['urn:oasis:names:tc:SAML:2.0:nameid-format:transient', 'transient'],
    ['urn:oasis:names:tc:SAML:2.0:nameid-format:persistent', 'persistent'],
    // "If the format includes any other prefix, the format is returned with no modifications."
    ['urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress', 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress'],
  ])('SubjectType of %s is %s', (format, expected) => {
    expect(subjectType(format)).toBe(expected);
  });

  test('saml:doc is <account>/<provider name> (IAM-UG condition keys example 123456789012/SAMLProviderName)', () => {
    expect(samlDoc('123456789012', 'SAMLProviderName')).toBe('123456789012/SAMLProviderName');
  });
});
