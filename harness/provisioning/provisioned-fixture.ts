import { CaseAborted } from '../cases/case-aborted';
import { unsupportedFinding } from '../cases/finding';
import type { Caller } from './kinds/caller';
import { callerKind } from './kinds/caller';
import { refKey } from './plan';
import { resourceKind } from './registry';
import type { Declared } from './resource-kind';
import type { ProvisionedFixture } from './spec';

/**
 * The fixture as cases see it: what was made, by logical name; an unknown name
 * throws, listing the known ones, and one the target could not make stops the
 * case as unsupported.
 */
export function provisionedFixture(
  plan: readonly Declared[],
  made: ReadonlyMap<string, unknown>,
  runId: string,
  region: string,
  unavailable: ReadonlyMap<string, string> = new Map(),
): ProvisionedFixture {
  const lookup = <T>(kind: string, key: string): T => {
    // A resource the target could not make: the case needing it cannot run there.
    const evidence = unavailable.get(refKey({ kind, key }));
    if (evidence !== undefined) throw new CaseAborted(unsupportedFinding(`fixture.${resourceKind(kind)?.noun ?? kind} ${key}`, evidence));
    const found = made.get(refKey({ kind, key }));
    if (found === undefined) {
      const known = plan.filter((d) => d.kind === kind).map((d) => d.key);
      throw new Error(`The fixture has no ${resourceKind(kind)?.noun ?? kind} named '${key}'. Known: ${known.join(', ') || 'none'}.`);
    }
    return found as T;
  };
  const caller = made.get(refKey({ kind: 'caller', key: 'caller' })) as Caller | undefined;
  return {
    runId,
    region,
    role: (n) => lookup('iam-role', n),
    userPool: (n) => lookup('user-pool', n),
    client: (pool, n) => lookup('app-client', `${pool}/${n}`),
    user: (pool, n) => lookup('user', `${pool}/${n}`),
    identityPool: (n) => lookup('identity-pool', n),
    oidcProvider: (n) => lookup('oidc-provider', n),
    samlProvider: (n) => lookup('saml-provider', n),
    resource: lookup,
    caller: { arn: caller?.arn ?? '', accountId: caller?.accountId ?? '', kind: caller?.kind ?? callerKind('') },
    names: () => [
      // Bare, the run id appears in role descriptions and the idchain:run tag; every name holding it is longer and replaced first.
      { logical: 'run-id', value: runId },
      ...plan.flatMap((d) => (made.has(refKey(d)) ? resourceKind(d.kind)!.names(d.key, made.get(refKey(d))) : [])),
    ],
  };
}
