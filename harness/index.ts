/**
 * idchain's public API. Suites, scripts and a team's own code import from
 * here only (DESIGN.md § Layout: rooms keep their own doors).
 */

// Library entry points (README "Use from code").
export { runContract, DEFAULT_MAX_GOLDEN_AGE_DAYS, type RunContractOptions, type ContractRun } from './contract/run-contract';
export { recordContract, type RecordContractOptions, type ContractRecording } from './contract/record-contract';
export type { ContractTargetOptions } from './contract/contract-options';
export { openSession, type Session, type SessionOptions } from './provisioning/session';
export { startEmulator, type EmulatorOptions, type StartedEmulator } from '../emulator';
export { referenceTarget } from './targets/reference';
export type { Target, StartedTarget, ServiceName, Credentials } from './targets/target';
export { regionNames, iamArn, stsArn, userPoolProviderName, serviceEndpoint, type RegionNames, type Partition } from './targets/region';
export type { CaseResult, RunResult, Verdict } from './runner/result';
export type { WeatherSummary } from './runner/weather-summary';
export type { CriticalPath, ChainLink } from './runner/critical-path';
export type { TargetWeather, WeatherRequest } from './targets/weather';
export type { Finding, FindingKind } from './cases/finding';
export type { RetryPolicy } from './clients/propagation-retry';
export type { Clients } from './clients/factory';
export type { HttpTimeouts } from './clients/http-handler';
/** Patterns of secrets that must never reach disk: for scanning what a run wrote. */
export { LEAK_PATTERNS } from './secrets/leak-patterns';

// Writing suites: cases, fixtures, trust policies.
export { defineSuite, type CaseContext, type CaseDefinition, type SuiteDefinition } from './runner/suite';
export type { CaseTableRow } from './cases/case-table-row';
export type { PermissionCell, PermissionCellResult } from './cases/permission-cell';
export type { Citation, ConflictCitation, ConflictSide, Source } from './cases/citation';
export type { Expectations, ExpectedError } from './cases/expectations';
export type { FixtureSpec, ProvisionedFixture } from './provisioning/spec';
export type { RoleSpec, ProvisionedRole } from './provisioning/kinds/role';
export type { TrustRefs, TrustSpec } from './provisioning/kinds/trust-refs';
export type { ProvisionedOidcProvider } from './provisioning/kinds/oidc-provider';
export type { ProvisionedSamlProvider } from './provisioning/kinds/saml-provider';
export type { ProvisionedIdentityPool, RoleMappingSpec } from './provisioning/kinds/identity-pool';
export type { BucketSpec, BucketRefs, ProvisionedBucket } from './provisioning/kinds/bucket';
export { callerKind, type CallerKind } from './provisioning/kinds/caller';
export { generatePassword } from './provisioning/names';
export {
  policyDocument,
  allowActions,
  identityPoolTrust,
  identityPoolTrustPolicy,
  assumeRoleTrust,
  webIdentityTrust,
  samlTrust,
  type PolicyDocument,
  type PolicyStatement,
} from './provisioning/policies';
export {
  SamlIdentityProvider,
  decodeSamlResponse,
  encodeSamlResponse,
  AWS_SAML_RECIPIENT,
  NAMEID_PERSISTENT,
  NAMEID_TRANSIENT,
  type AssertionRequest,
} from './provisioning/saml-idp';

// Flows: each documented sequence of calls, as a plain async function.
export { signIn, secretHash, SignInChallenge, type SignInRequest, type SignInResult } from './flows/sign-in';
export { enhancedFlow, type EnhancedFlowRequest, type EnhancedFlowResult } from './flows/enhanced';
export { callerIdentity, parseAssumedRoleArn, type CallerIdentity } from './flows/caller-identity';
export { decodeClaims, decodeHeader } from './cases/tokens';
export {
  basicFlow,
  openIdToken,
  assumeRoleWithWebIdentity,
  BASIC_FLOW_SESSION_NAME,
  type BasicFlowRequest,
  type BasicFlowResult,
  type OpenIdTokenRequest,
  type OpenIdTokenResult,
  type WebIdentityRequest,
  type WebIdentityResult,
} from './flows/basic';
export { developerOpenIdToken, developerFlow, type DeveloperTokenRequest, type DeveloperFlowResult } from './flows/developer';
export { guestIdentity, guestCredentials } from './flows/guest';
export { getIdentityId } from './flows/get-id';
export { setRulesMapping, type MappingRuleInput } from './flows/role-mappings';
export { assumeRole, type AssumeRoleRequest, type AssumeRoleResult } from './flows/assume-role';
export { assumeRoleWithSaml, type SamlRequest, type SamlResult } from './flows/saml';
export { federationToken, sessionToken, type FederationTokenRequest, type FederationTokenResult } from './flows/federation-tokens';
export { longTermUser } from './flows/long-term-user';
export type { LongTermUser } from './provisioning/kinds/iam-user';
