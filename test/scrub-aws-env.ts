// Unit and suite tests must never pick up a developer's real AWS identity.
for (const name of Object.keys(process.env)) {
  if (name.startsWith('AWS_')) delete process.env[name];
}
