/** Patterns a scan of written files looks for: secrets left in plain text. */
export const LEAK_PATTERNS: { name: string; pattern: RegExp }[] = [
  { name: 'access key id', pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/ },
  { name: 'raw JWT', pattern: /eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\./ },
  { name: 'secret field with a value', pattern: /"(?:SecretKey|SecretAccessKey|SessionToken|secretAccessKey|sessionToken)"\s*:\s*"(?!<redacted)[^"]{8,}"/ },
  { name: 'password field with a value', pattern: /"(?:Password|password|PASSWORD|TemporaryPassword)"\s*:\s*"(?!<redacted)[^"]+"/ },
  { name: 'SAML assertion', pattern: /"SAMLAssertion"\s*:\s*"(?!<redacted)[^"]{20,}"/ },
  { name: 'private key', pattern: /-----BEGIN (?:RSA |EC )?PRIVATE KEY-----/ },
];
