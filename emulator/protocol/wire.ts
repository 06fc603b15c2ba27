/** A protocol-neutral HTTP answer the server writes out. */
export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}
