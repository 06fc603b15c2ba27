import { parse, type CollectionTag, type ScalarTag } from 'yaml';

/**
 * CloudFormation's YAML short forms (`!Ref`, `!Sub`, `!GetAtt`, …) read as
 * the long forms they stand for (`{"Ref": …}`, `{"Fn::Sub": …}`) [doc:
 * CloudFormation User Guide "Intrinsic function reference"], so a template
 * can be checked as plain data.
 */
const FUNCTIONS = ['Base64', 'Cidr', 'FindInMap', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub', 'If', 'Equals', 'Not', 'And', 'Or', 'GetAtt'];

const scalar = (tag: string, resolve: (s: string) => unknown): ScalarTag => ({ tag, resolve });
const sequence = (tag: string, key: string): CollectionTag => ({ tag, collection: 'seq', resolve: (seq) => ({ [key]: seq.toJSON() }) });
const mapping = (tag: string, key: string): CollectionTag => ({ tag, collection: 'map', resolve: (map) => ({ [key]: map.toJSON() }) });

const CFN_TAGS = [
  scalar('!Ref', (s) => ({ Ref: s })),
  scalar('!Condition', (s) => ({ Condition: s })),
  scalar('!GetAtt', (s) => ({ 'Fn::GetAtt': s.split('.') })),
  ...FUNCTIONS.flatMap((f) => [scalar(`!${f}`, (s) => ({ [`Fn::${f}`]: s })), sequence(`!${f}`, `Fn::${f}`), mapping(`!${f}`, `Fn::${f}`)]),
];

export interface Template {
  Parameters?: Record<string, { Type: string; Default?: string }>;
  Conditions?: Record<string, unknown>;
  Resources: Record<string, { Type: string; Condition?: string; Properties?: Record<string, unknown> }>;
  Outputs?: Record<string, unknown>;
}

export function parseTemplate(text: string): Template {
  return parse(text, { customTags: CFN_TAGS }) as Template;
}

/** Pseudo parameters every template may name [doc: CloudFormation "Pseudo parameters reference"]. */
const PSEUDO = new Set(['AWS::AccountId', 'AWS::NotificationARNs', 'AWS::NoValue', 'AWS::Partition', 'AWS::Region', 'AWS::StackId', 'AWS::StackName', 'AWS::URLSuffix']);

/** `GetAtt` attributes of the resource types this template uses [doc: CloudFormation resource reference, "Return values"]. */
const ATTRIBUTES: Record<string, string[]> = {
  'AWS::IAM::OIDCProvider': ['Arn'],
  'AWS::IAM::Role': ['Arn', 'RoleId'],
  'AWS::IAM::ManagedPolicy': ['PolicyArn'],
};

/** `${Name}` references in a Sub string; `${!Literal}` is an escape, not a reference. */
export function subReferences(text: string): string[] {
  return [...text.matchAll(/\$\{([^!}][^}]*)\}/g)].map((m) => m[1]);
}

/**
 * Everything the template names that does not exist: Ref and Sub names that
 * are neither parameters, resources nor pseudo parameters; GetAtt of unknown
 * resources or attributes; conditions used but not declared.
 */
export function danglingReferences(t: Template): string[] {
  const names = new Set([...Object.keys(t.Parameters ?? {}), ...Object.keys(t.Resources)]);
  const conditions = new Set(Object.keys(t.Conditions ?? {}));
  const problems: string[] = [];
  const name = (n: string, where: string) => {
    if (!names.has(n) && !PSEUDO.has(n)) problems.push(`${where} names '${n}', which is no parameter, resource or pseudo parameter`);
  };
  const visit = (node: unknown, where: string): void => {
    if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${where}[${i}]`));
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (key === 'Ref' && typeof value === 'string') name(value, where);
      else if (key === 'Fn::Sub') {
        const [text, vars] = Array.isArray(value) ? [value[0] as string, (value[1] ?? {}) as Record<string, unknown>] : [value as string, {}];
        for (const ref of subReferences(text)) if (!(ref in vars)) name(ref.split('.')[0], `${where} (Fn::Sub)`);
        visit(vars, where);
      } else if (key === 'Fn::GetAtt') {
        const [resource, attribute] = value as string[];
        const type = t.Resources[resource]?.Type;
        if (!type) problems.push(`${where} gets ${attribute} of '${resource}', which is no resource`);
        else if (!(ATTRIBUTES[type] ?? []).includes(attribute)) problems.push(`${where} gets '${attribute}' of ${type}, which has no such attribute`);
      } else if (key === 'Fn::If' || key === 'Condition') {
        const condition = key === 'Fn::If' ? (value as unknown[])[0] : value;
        if (typeof condition === 'string' && !conditions.has(condition)) problems.push(`${where} uses condition '${condition}', which is not declared`);
        if (key === 'Fn::If') visit((value as unknown[]).slice(1), `${where}.Fn::If`);
      } else visit(value, `${where}.${key}`);
    }
  };
  for (const [id, resource] of Object.entries(t.Resources)) {
    if (resource.Condition && !conditions.has(resource.Condition)) problems.push(`Resources.${id} uses condition '${resource.Condition}', which is not declared`);
    visit(resource.Properties, `Resources.${id}`);
  }
  visit(t.Conditions, 'Conditions');
  visit(t.Outputs, 'Outputs');
  return problems;
}
