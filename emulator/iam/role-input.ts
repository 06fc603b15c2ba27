import type { IntegerConstraint, StringConstraint } from './validation';

// Constraints as the IAM API reference lists them for each member.

/** [doc: IAM-API CreateRole, RoleName] */
export const ROLE_NAME: StringConstraint = { required: true, min: 1, max: 64, pattern: '[\\w+=,.@-]+' };
/** [doc: IAM-API CreateRole, Path] */
/** [doc: IAM-API CreateUser, UserName: 1–64, `[\w+=,.@-]+`]. Here, not in user-ops.ts, so permissions.ts can read it without loading the user operations. */
export const USER_NAME: StringConstraint = { required: true, min: 1, max: 64, pattern: '[\\w+=,.@-]+' };
export const PATH: StringConstraint = { min: 1, max: 512, pattern: '(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)' };
/** [doc: IAM-API ListRoles, PathPrefix] */
export const PATH_PREFIX: StringConstraint = { min: 1, max: 512, pattern: '\\u002F[\\u0021-\\u007F]*' };
/** AssumeRolePolicyDocument and PolicyDocument [doc: IAM-API CreateRole, PutRolePolicy] */
export const POLICY_DOCUMENT: StringConstraint = {
  required: true,
  min: 1,
  max: 131072,
  pattern: '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+',
};
/** [doc: IAM-API CreateRole, Description] */
export const DESCRIPTION: StringConstraint = { max: 1000, pattern: '[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*' };
/** 1 to 12 hours, default one hour [doc: IAM-API CreateRole, MaxSessionDuration; aws-contract.md §3]. */
export const MAX_SESSION_DURATION: IntegerConstraint = { min: 3600, max: 43200 };
export const DEFAULT_MAX_SESSION_DURATION = 3600;
/** PolicyArn, PermissionsBoundary, PolicySourceArn [doc: IAM-API GetPolicy, CreateRole, SimulatePrincipalPolicy: arnType 20–2048] */
export const POLICY_ARN: StringConstraint = { required: true, min: 20, max: 2048 };
/** [doc: IAM-API PutRolePolicy, PolicyName] */
export const POLICY_NAME: StringConstraint = { required: true, min: 1, max: 128, pattern: '[\\w+=,.@-]+' };
/** [doc: IAM-API Tag] */
export const TAG_KEY: StringConstraint = { required: true, min: 1, max: 128, pattern: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+' };
export const TAG_VALUE: StringConstraint = { required: true, min: 0, max: 256, pattern: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*' };
/** [doc: IAM-API TagRole, "maximum number of 50 items"] */
export const MAX_TAGS = 50;
/** [doc: IAM-API ListRoles, MaxItems] */
export const MAX_ITEMS: IntegerConstraint = { min: 1, max: 1000 };
export const MARKER: StringConstraint = { min: 1, max: 320, pattern: '[\\u0020-\\u00FF]+' };

/** Read a string member of an awsQuery form; anything else (absent, a nested structure) is absent. */
export function str(input: Record<string, unknown>, name: string): string | undefined {
  const value = input[name];
  return typeof value === 'string' ? value : undefined;
}
