/** A protocol-neutral HTTP answer the server writes out. */
export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Sent instead of `body` when set: S3 object contents are bytes, not text. */
  bodyBytes?: Uint8Array;
}
