import type { Clients } from '../clients/factory';
import type { RetryPolicy } from '../clients/propagation-retry';
import type { Ledger, LedgerEntry } from './ledger';

/** One resource naming another: `{ kind: 'iam-role', key: 'admin' }`, `{ kind: 'app-client', key: 'main/web' }`. */
export interface ResourceRef {
  kind: string;
  key: string;
}

/**
 * One resource a fixture declares, and every resource it names (its user
 * pool, the roles its trust document names, …). What it names is created
 * before it, and `defineSuite` checks each name is declared before anything
 * is created.
 */
export interface Declared<Spec = unknown> {
  kind: string;
  /** Unique within its kind: the logical name, or `<pool>/<name>` for what lives in a user pool. */
  key: string;
  spec: Spec;
  needs: ResourceRef[];
}

/** What a kind's `create` writes to the ledger: each create's intent before the call, its id once it answers. */
export type CreateLedger = Pick<Ledger, 'creating' | 'created'>;

/** What a kind's `create` may use: the target's clients, the run's names and tags, and what was made before. */
export interface CreateContext {
  readonly clients: Clients;
  readonly ledger: CreateLedger;
  readonly runId: string;
  readonly region: string;
  /** `idchain-<runId>-<scope>-<logical>`: every name idchain gives (DESIGN.md § Real AWS, safely). */
  name(logical: string): string;
  /** `idchain:run` and `idchain:expires`. */
  readonly tags: Record<string, string>;
  readonly retry?: RetryPolicy;
  /**
   * The permissions boundary every role and user idchain creates carries,
   * when one is configured (a runner policy may allow CreateRole only with it).
   */
  readonly permissionsBoundary?: string;
  log?(line: string): void;
  /**
   * Resolves once the IAM changes these resources made are surely visible to
   * STS and Cognito: the run's propagation bound after each was made (at once
   * when the run knows no bound). For a create that is not itself an IAM
   * change and only comes before the cases, which wait that long anyway: it
   * then calls once instead of retrying through the whole propagation.
   */
  propagated(refs: readonly ResourceRef[]): Promise<void>;
  /** A resource this one names, made earlier in the fixture. */
  made<T>(ref: ResourceRef): T;
  /**
   * Run one call of the create, turning a failure into a ProvisioningError
   * that names the resource (`what`, e.g. `role admin`).
   */
  step<T>(what: string, fn: () => Promise<T>): Promise<T>;
}

/** A resource found on a target by `sweep`'s listing: idchain's by its name, or possibly by its tags. */
export interface Listed {
  name: string;
  id: string;
  createdAt?: Date;
}

/** A resource read back from the target: when it was made and its tags. */
export interface Described {
  createdAt?: Date;
  tags: Record<string, string>;
}

/**
 * What a kind that is deleted on its own knows beyond creating: its ledger
 * entries are deleted by `delete`, leftovers are found by `list` and judged
 * by `describe`. Kinds that live inside another (an app client, a group)
 * have none: deleting their container deletes them.
 */
export interface LedgeredKind {
  /**
   * Delete the resource an entry names. One already gone counts as deleted;
   * resolving `false` says the target answered that it was not there (what
   * reclaim then reports as `already gone`, once the target confirms it).
   */
  delete(clients: Clients, entry: Pick<LedgerEntry, 'name' | 'id'>): Promise<boolean | void>;
  /** Every resource of this kind the target holds that may be idchain's. */
  list(clients: Clients): Promise<Listed[]>;
  /** Its tags and creation time, read from the target. */
  describe(clients: Clients, found: Listed): Promise<Described>;
  /**
   * For kinds IAM names by something other than idchain's name (an OIDC
   * provider is named by its URL): only the `idchain:run` tag marks them
   * ours, and sweep names them `idchain-<run>-<suffix>`.
   */
  namedByTag?: { suffix: string };
}

/**
 * One kind of resource a fixture can declare. `Fragment` is the part of the
 * fixture spec the kind reads (`{ roles?: … }`): FixtureSpec is every
 * registered kind's fragment together, so a new kind is one module and one
 * line in the registry.
 */
export interface ResourceKind<Fragment = unknown, Spec = unknown, Made = unknown> {
  /** The kind's name in references and in the ledger: `iam-role`, `user-pool`, … */
  readonly kind: string;
  /** What messages call it: `role`, `app client`. */
  readonly noun: string;
  /** The resources of this kind a spec declares, in declaration order, each with what it names. */
  declared(spec: Fragment): Declared<Spec>[];
  create(declared: Declared<Spec>, ctx: CreateContext): Promise<Made>;
  /** Logical names and the values they were given, for normalizing goldens (`role:admin` → the ARN). */
  names(key: string, made: Made): { logical: string; value: string }[];
  /** Present for kinds deleted on their own. */
  readonly ledgered?: LedgeredKind;
  /**
   * Made only when another resource names it, once per fixture (the caller
   * identity, which IAM resources need for their ARNs).
   */
  readonly implicit?: boolean;
  /**
   * The kind of the resource (same key) this one finishes configuring, as an
   * identity pool's roles finish the pool: when a target cannot make this
   * one, that one is not what the cases expect either.
   */
  readonly completes?: string;
}
