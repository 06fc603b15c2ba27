import type { ConditionBlock, PolicyDocument, PolicyStatement, PrincipalElement } from './types';
import { parseOperator } from './condition-operators';
import { POLICY_MESSAGES, invalidPrincipal, malformedPolicy, prohibitedField } from './malformed';

/** The only two policy language versions (IAM-UG "IAM JSON policy elements: Version"). */
export const POLICY_VERSIONS = ['2008-10-17', '2012-10-17'] as const;

const TOP_LEVEL = new Set(['Version', 'Id', 'Statement']);
const STATEMENT_ELEMENTS = new Set([
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
]);
// principal_map_entry in IAM-UG "Grammar of the IAM JSON policy language".
const PRINCIPAL_TYPES = new Set(['AWS', 'Federated', 'Service', 'CanonicalUser']);

/** Thrown inside the grammar check; becomes "Syntax errors in policy.". */
class GrammarError extends Error {}

function grammar(ok: unknown): asserts ok {
  if (!ok) throw new GrammarError();
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringOrStrings(value: unknown): value is string | string[] {
  return typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
}

function isScalar(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function checkPrincipal(value: unknown): PrincipalElement {
  if (value === '*') return '*';
  grammar(isObject(value));
  for (const [type, entry] of Object.entries(value)) {
    grammar(PRINCIPAL_TYPES.has(type) && isStringOrStrings(entry));
  }
  return value as PrincipalElement;
}

function checkCondition(value: unknown): ConditionBlock {
  grammar(isObject(value));
  for (const [operator, keys] of Object.entries(value)) {
    // A key placed directly under Condition (no operator) is a syntax error [obs: aws-cloudformation/cfn-lint#3751].
    grammar(isObject(keys));
    grammar(parseOperator(operator) !== undefined);
    for (const entry of Object.values(keys)) {
      grammar(isScalar(entry) || (Array.isArray(entry) && entry.every(isScalar)));
    }
  }
  return value as ConditionBlock;
}

function checkStatement(raw: unknown): PolicyStatement {
  grammar(isObject(raw));
  for (const key of Object.keys(raw)) grammar(STATEMENT_ELEMENTS.has(key));
  grammar(!('Action' in raw && 'NotAction' in raw));
  grammar(!('Resource' in raw && 'NotResource' in raw));
  grammar(!('Principal' in raw && 'NotPrincipal' in raw));
  grammar(typeof raw.Effect === 'string' && ['allow', 'deny'].includes(raw.Effect.toLowerCase()));
  if ('Sid' in raw) grammar(typeof raw.Sid === 'string');
  for (const key of ['Action', 'NotAction', 'Resource', 'NotResource']) {
    if (key in raw) grammar(isStringOrStrings(raw[key]));
  }
  if ('Principal' in raw) checkPrincipal(raw.Principal);
  if ('NotPrincipal' in raw) checkPrincipal(raw.NotPrincipal);
  if ('Condition' in raw) checkCondition(raw.Condition);
  return raw as unknown as PolicyStatement;
}

function checkDocument(raw: unknown): PolicyDocument {
  grammar(isObject(raw));
  for (const key of Object.keys(raw)) grammar(TOP_LEVEL.has(key));
  if ('Version' in raw) grammar((POLICY_VERSIONS as readonly unknown[]).includes(raw.Version));
  if ('Id' in raw) grammar(typeof raw.Id === 'string');
  const statements = Array.isArray(raw.Statement) ? raw.Statement : [raw.Statement];
  grammar(raw.Statement !== undefined && statements.length > 0);
  return { ...(raw as object), Statement: statements.map(checkStatement) } as PolicyDocument;
}

function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** `service:Action`, `service:Act*`, or `*` [obs: garnaat/kappa#111 and moto's validator for the two messages]. */
function checkActionName(action: string): void {
  const parts = action.split(':');
  if (parts.length === 1 && action !== '*') throw malformedPolicy(POLICY_MESSAGES.actionWithoutVendor);
  if (parts.length > 2) throw malformedPolicy(POLICY_MESSAGES.actionTwoColons);
}

function checkSemantics(doc: PolicyDocument): void {
  for (const s of doc.Statement) {
    // The grammar accepts any case; IAM's older parser then rejects anything but Allow/Deny.
    if (s.Effect !== 'Allow' && s.Effect !== 'Deny') throw malformedPolicy(POLICY_MESSAGES.legacyParsing);
  }
  const sids = doc.Statement.map((s) => s.Sid).filter((sid): sid is string => !!sid);
  if (new Set(sids).size !== sids.length) throw malformedPolicy(POLICY_MESSAGES.duplicateSid);
  for (const s of doc.Statement) {
    const actions = asList(s.Action ?? s.NotAction);
    if (actions.length === 0) throw malformedPolicy(POLICY_MESSAGES.missingActions);
  }
  for (const s of doc.Statement) asList(s.Action ?? s.NotAction).forEach(checkActionName);
}

/**
 * Parse and validate an IAM policy document of any kind, the checks every
 * policy shares: JSON ("This policy contains invalid Json"), the grammar
 * (elements, types, Effect, Version, condition operators: "Syntax errors in
 * policy."), unique Sids, present and well-formed actions. Throws
 * `MalformedPolicyDocument` (400). The result always has `Statement` as an
 * array; values are otherwise as written.
 */
export function parsePolicy(json: string): PolicyDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw malformedPolicy(POLICY_MESSAGES.invalidJson);
  }
  let doc: PolicyDocument;
  try {
    doc = checkDocument(raw);
  } catch (err) {
    if (err instanceof GrammarError) throw malformedPolicy(POLICY_MESSAGES.syntax);
    throw err;
  }
  checkSemantics(doc);
  return doc;
}

/**
 * A permission (identity-based) policy, as PutRolePolicy takes it: no
 * Principal/NotPrincipal ("Policy document should not specify a principal.")
 * and a Resource/NotResource in every statement ("Policy statement must contain
 * resources.").
 */
export function parseIdentityPolicy(json: string): PolicyDocument {
  const doc = parsePolicy(json);
  for (const s of doc.Statement) {
    if (s.Principal !== undefined || s.NotPrincipal !== undefined) throw malformedPolicy(POLICY_MESSAGES.principalInIdentityPolicy);
  }
  for (const s of doc.Statement) {
    if (asList(s.Resource ?? s.NotResource).length === 0) throw malformedPolicy(POLICY_MESSAGES.missingResources);
  }
  return doc;
}

export interface TrustPolicyOptions {
  /**
   * Whether an IAM user or role ARN of this account exists. IAM resolves the
   * ARNs a trust policy names and refuses one it cannot find ("Invalid
   * principal in policy"). Omit it to skip the check.
   */
  principalExists?: (arn: string) => boolean;
}

// The forms an "AWS" principal may take (IAM-UG "AWS JSON policy elements: Principal").
const AWS_PRINCIPAL =
  /^(\*|\d{12}|arn:aws[\w-]*:iam::\d{12}:(root|user\/.+|role\/.+)|arn:aws[\w-]*:sts::\d{12}:(assumed-role\/[^/]+\/.+|federated-user\/.+))$/;

function checkAwsPrincipal(value: string, options: TrustPolicyOptions): void {
  // Wildcards are allowed only as the whole value "*".
  if (!AWS_PRINCIPAL.test(value) || (value !== '*' && value.includes('*'))) throw invalidPrincipal('AWS', value);
  if (/^arn:aws[\w-]*:iam::\d{12}:(user|role)\//.test(value) && options.principalExists && !options.principalExists(value)) {
    throw invalidPrincipal('AWS', value);
  }
}

/**
 * A role trust policy, as CreateRole and UpdateAssumeRolePolicy take it: no
 * Resource/NotResource ("Has prohibited field Resource"), a Principal in every
 * statement (AWS's "The passed in policy has a statement with no principals!"),
 * and `AWS` principals IAM can resolve.
 */
export function parseTrustPolicy(json: string, options: TrustPolicyOptions = {}): PolicyDocument {
  const doc = parsePolicy(json);
  for (const s of doc.Statement) {
    if (s.Resource !== undefined) throw prohibitedField('Resource');
    if (s.NotResource !== undefined) throw prohibitedField('NotResource');
  }
  for (const s of doc.Statement) {
    if (s.Principal === undefined && s.NotPrincipal === undefined) throw malformedPolicy(POLICY_MESSAGES.noPrincipal);
  }
  for (const s of doc.Statement) {
    const element = s.Principal ?? s.NotPrincipal;
    if (element === undefined || element === '*') continue;
    for (const value of asList(element.AWS)) checkAwsPrincipal(value, options);
  }
  return doc;
}
