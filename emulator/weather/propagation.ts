import type { IamView } from '../iam/iam-view';
import type { IamState, OidcProvider, Role, SamlProvider } from '../iam/state';

/** What propagates: roles (trust, inline policies, tags, deletion) and OIDC and SAML providers. */
type Kind = 'role' | 'oidc' | 'saml';
const KINDS: readonly Kind[] = ['role', 'oidc', 'saml'];

/** One state of one entity and when the data plane starts seeing it; `undefined` is "absent". */
interface Version {
  value: unknown;
  visibleAt: number;
}

interface Recorded {
  fingerprint: string;
  value: unknown;
}

export interface PropagationOptions {
  iam: IamState;
  now: () => number;
  /** The delay of the next change of this entity (`role\0<name>`…), already scaled and capped. */
  delayMs: (entity: string) => number;
  /** Changes become visible in the order they were made (default) or each after its own delay. */
  ordered: boolean;
  /** Called when a lookup touched an entity whose change has not propagated yet. */
  noteStale: () => void;
}

const entity = (kind: Kind, key: string) => `${kind}\u0000${key}`;

function fingerprint(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v instanceof Map ? [...v.entries()] : v));
}

/**
 * IAM's eventual consistency: a log of every change IAM made, each version
 * visible to the data plane (IamView) only from its own instant on. Changes
 * are found by comparing IAM's state after each write operation with the
 * state last recorded, so every IAM operation, present or future, propagates
 * without code of its own. An entity with no pending change is read straight
 * from IAM's state; its history is dropped once its newest version shows.
 */
export class Propagation implements IamView {
  private recorded: Map<string, Recorded> | undefined;
  private readonly histories = new Map<string, Version[]>();
  private lastVisibleAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: PropagationOptions) {}

  private live(kind: Kind): Map<string, unknown> {
    const { iam } = this.options;
    return kind === 'role' ? iam.roles : kind === 'oidc' ? iam.oidcProviders : iam.samlProviders;
  }

  private capture(): Map<string, Recorded> {
    const now = new Map<string, Recorded>();
    for (const kind of KINDS) for (const [key, value] of this.live(kind)) now.set(entity(kind, key), { fingerprint: fingerprint(value), value: structuredClone(value) });
    return now;
  }

  /** Call before an IAM write operation runs: the first one fixes the state that is already visible. */
  beforeWrite(): void {
    this.recorded ??= this.capture();
  }

  /** Call after an IAM write operation: each entity it changed gets a version that shows after a delay. */
  afterWrite(): void {
    const previous = this.recorded ?? this.capture();
    const current = new Map<string, Recorded>();
    const changed: string[] = [];
    for (const kind of KINDS) {
      for (const [key, value] of this.live(kind)) {
        const id = entity(kind, key);
        const print = fingerprint(value);
        const before = previous.get(id);
        current.set(id, before?.fingerprint === print ? before : { fingerprint: print, value: structuredClone(value) });
        if (before?.fingerprint !== print) changed.push(id);
      }
    }
    for (const id of previous.keys()) if (!current.has(id)) changed.push(id);
    const now = this.options.now();
    for (const id of changed) {
      const history = this.histories.get(id) ?? [{ value: previous.get(id)?.value, visibleAt: Number.NEGATIVE_INFINITY }];
      let visibleAt = now + this.options.delayMs(id);
      if (this.options.ordered) visibleAt = Math.max(visibleAt, this.lastVisibleAt);
      this.lastVisibleAt = Math.max(this.lastVisibleAt, visibleAt);
      history.push({ value: current.get(id)?.value, visibleAt });
      this.histories.set(id, history);
    }
    this.recorded = current;
  }

  /** Entities with a change the data plane does not see yet. */
  pending(): number {
    this.prune();
    return this.histories.size;
  }

  /** The instant the last recorded change shows everywhere (−∞ when there is none). */
  settledAt(): number {
    return this.lastVisibleAt;
  }

  private prune(): void {
    const now = this.options.now();
    for (const [id, history] of this.histories) if (history[history.length - 1].visibleAt <= now) this.histories.delete(id);
  }

  private visible(history: Version[], now: number): unknown {
    for (let i = history.length - 1; i >= 0; i--) if (history[i].visibleAt <= now) return history[i].value;
    return undefined;
  }

  /**
   * The entity of this kind the data plane sees matching `matches`. A lookup
   * that touches an entity still propagating (any of its versions, or IAM's
   * own state of it, matches) is reported through `noteStale`.
   */
  private find<T>(kind: Kind, matches: (value: T) => boolean): T | undefined {
    this.prune();
    const now = this.options.now();
    const prefix = `${kind}\u0000`;
    let found: T | undefined;
    for (const [key, value] of this.live(kind)) {
      if (!this.histories.has(entity(kind, key)) && matches(value as T)) {
        found = value as T;
        break;
      }
    }
    for (const [id, history] of this.histories) {
      if (!id.startsWith(prefix)) continue;
      const seen = this.visible(history, now) as T | undefined;
      if (found === undefined && seen !== undefined && matches(seen)) found = seen;
      const liveValue = this.live(kind).get(id.slice(prefix.length)) as T | undefined;
      if (history.some((v) => v.value !== undefined && matches(v.value as T)) || (liveValue !== undefined && matches(liveValue))) this.options.noteStale();
    }
    return found;
  }

  roleByArn(arn: string): Role | undefined {
    return this.find<Role>('role', (r) => r.arn === arn);
  }

  oidcProviderByUrl(url: string): OidcProvider | undefined {
    return this.find<OidcProvider>('oidc', (p) => p.url === url);
  }

  samlProviderByArn(arn: string): SamlProvider | undefined {
    return this.find<SamlProvider>('saml', (p) => p.arn === arn);
  }
}
