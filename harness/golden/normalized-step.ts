/** One step as a golden keeps it: everything volatile replaced, secrets gone, lifetimes derived. */
export interface NormalizedStep {
  service: string;
  operation: string;
  input: unknown;
  output?: unknown;
  error?: { name: string; httpStatus?: number; fault?: string; message: string };
  httpStatus?: number;
  /** Derived facts that replace raw timestamps, e.g. `credentialLifetimeSeconds`. */
  facts?: Record<string, number>;
}
