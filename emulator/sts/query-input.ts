/** A parameter of an STS request as decoded from the form: its text, or undefined when it was not sent. */
export function optionalString(input: Record<string, unknown>, name: string): string | undefined {
  const value = input[name];
  return typeof value === 'string' ? value : undefined;
}
