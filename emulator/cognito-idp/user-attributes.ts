import { invalidParameter } from './idp-errors';
import type { InputCheck } from './input-check';
import { ATTRIBUTE_NAME, ATTRIBUTE_VALUE, SCHEMA_ATTRIBUTE_NAME } from './shapes';
import type { AttributeDataType, SchemaAttribute } from './state';

function standard(Name: string, type: AttributeDataType = 'String', extra: Partial<SchemaAttribute> = {}): SchemaAttribute {
  const constraints: Partial<SchemaAttribute> =
    type === 'String'
      ? { StringAttributeConstraints: { MinLength: '0', MaxLength: '2048' } }
      : type === 'Number'
        ? { NumberAttributeConstraints: { MinValue: '0' } }
        : {};
  return { Name, AttributeDataType: type, DeveloperOnlyAttribute: false, Mutable: true, Required: false, ...constraints, ...extra };
}

/**
 * The standard attributes every pool has [doc: CG "Standard attributes"], in
 * the shape DescribeUserPool lists them.
 */
export function standardSchema(): SchemaAttribute[] {
  return [
    standard('sub', 'String', { Mutable: false, Required: true, StringAttributeConstraints: { MinLength: '1', MaxLength: '2048' } }),
    standard('name'),
    standard('given_name'),
    standard('family_name'),
    standard('middle_name'),
    standard('nickname'),
    standard('preferred_username'),
    standard('profile'),
    standard('picture'),
    standard('website'),
    standard('email'),
    standard('email_verified', 'Boolean'),
    standard('gender'),
    standard('birthdate', 'String', { StringAttributeConstraints: { MinLength: '10', MaxLength: '10' } }),
    standard('zoneinfo'),
    standard('locale'),
    standard('phone_number'),
    standard('phone_number_verified', 'Boolean'),
    standard('address'),
    standard('updated_at', 'Number'),
    standard('identities'),
  ];
}

const DATA_TYPES = ['String', 'Number', 'DateTime', 'Boolean'] as const;

/**
 * Build a pool's schema from CreateUserPool `Schema`: entries naming a
 * standard attribute adjust it (e.g. make `email` required); any other name is
 * a custom attribute stored as `custom:<Name>` [doc: CG "Custom attributes":
 * Amazon Cognito adds the `custom:` prefix; custom attributes can't be required].
 */
export function buildSchema(check: InputCheck, raw: unknown): SchemaAttribute[] {
  const schema = standardSchema();
  const entries = check.list(raw, 'Schema', { min: 1, max: 50 }) ?? [];
  entries.forEach((entry, i) => {
    const at = `Schema.${i + 1}.member`;
    const obj = check.structure(entry, at) ?? {};
    const name = check.string(obj.Name, `${at}.Name`, SCHEMA_ATTRIBUTE_NAME);
    const type = check.enumValue(obj.AttributeDataType, `${at}.AttributeDataType`, DATA_TYPES) ?? 'String';
    const required = check.boolean(obj.Required, `${at}.Required`);
    const mutable = check.boolean(obj.Mutable, `${at}.Mutable`);
    const developerOnly = check.boolean(obj.DeveloperOnlyAttribute, `${at}.DeveloperOnlyAttribute`);
    const stringConstraints = check.structure(obj.StringAttributeConstraints, `${at}.StringAttributeConstraints`);
    const numberConstraints = check.structure(obj.NumberAttributeConstraints, `${at}.NumberAttributeConstraints`);
    if (!name) return;

    const existing = schema.find((a) => a.Name === name);
    if (existing) {
      if (required !== undefined) existing.Required = required;
      if (mutable !== undefined) existing.Mutable = mutable;
      if (stringConstraints) existing.StringAttributeConstraints = { ...existing.StringAttributeConstraints, ...stringConstraints };
      return;
    }
    if (required) {
      // Wording undocumented; the rule is [doc: CG "Custom attributes"].
      throw invalidParameter('Required custom attributes are not supported currently.');
    }
    const custom: SchemaAttribute = {
      Name: `custom:${name}`,
      AttributeDataType: type,
      DeveloperOnlyAttribute: developerOnly ?? false,
      Mutable: mutable ?? true,
      Required: false,
    };
    if (type === 'String') custom.StringAttributeConstraints = { ...(stringConstraints as object) };
    if (type === 'Number') custom.NumberAttributeConstraints = { ...(numberConstraints as object) };
    if (schema.some((a) => a.Name === custom.Name)) {
      // Two entries with one name: refused, wording undocumented.
      throw invalidParameter(`Existing attribute already has name ${custom.Name}.`);
    }
    schema.push(custom);
  });
  return schema;
}

/** Read a `UserAttributes` list of `{Name, Value}` (UP-API AttributeType). */
export function readAttributeList(check: InputCheck, raw: unknown, wireName: string, required = false): { Name: string; Value: string }[] {
  const list = check.list(raw, wireName, { required }) ?? [];
  const out: { Name: string; Value: string }[] = [];
  list.forEach((entry, i) => {
    const at = `${wireName}.${i + 1}.member`;
    const obj = check.structure(entry, at) ?? {};
    const name = check.string(obj.Name, `${at}.Name`, ATTRIBUTE_NAME);
    const value = check.string(obj.Value, `${at}.Value`, ATTRIBUTE_VALUE);
    if (name !== undefined) out.push({ Name: name, Value: value ?? '' });
  });
  return out;
}

/**
 * Check attributes against the pool's schema; unknown names are refused with
 * `InvalidParameterException` "Attributes did not conform to the schema:
 * custom:nope: Attribute does not exist in the schema." and missing required
 * ones with "…: email: The attribute is required" [obs: public client code and
 * an emulator's tests quoting AWS]. Several problems are joined with a newline
 * (undocumented).
 */
export function assertAttributesConform(
  schema: readonly SchemaAttribute[],
  attributes: readonly { Name: string; Value: string }[],
  opts: { creating: boolean; existing?: ReadonlyMap<string, string> },
): void {
  const problems: string[] = [];
  for (const { Name } of attributes) {
    const def = schema.find((a) => a.Name === Name);
    if (!def) {
      problems.push(`${Name}: Attribute does not exist in the schema.`);
      continue;
    }
    // `sub` is assigned by Cognito; other immutable attributes can be set once, at creation
    // [doc: CG "Custom attributes": "you can't change the value once set" for immutable ones].
    if (Name === 'sub' || (!def.Mutable && !opts.creating && opts.existing?.has(Name))) {
      problems.push(`${Name}: Attribute cannot be updated. (changing an immutable attribute)`);
    }
  }
  if (opts.creating) {
    for (const def of schema) {
      if (def.Required && def.Name !== 'sub' && !attributes.some((a) => a.Name === def.Name && a.Value !== '')) {
        problems.push(`${def.Name}: The attribute is required`);
      }
    }
  }
  if (problems.length > 0) throw invalidParameter(`Attributes did not conform to the schema: ${problems.join('\n')}`);
}
