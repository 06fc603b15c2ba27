/**
 * Where an expectation comes from. `doc` is AWS documentation (page named);
 * `obs` is behaviour seen on the wire but not documented — a real-AWS
 * recording should confirm or correct it (aws-contract.md, preamble).
 */
export interface Citation {
  kind: 'doc' | 'obs';
  ref: string;
  url?: string;
}
