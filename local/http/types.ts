/** One HTTP request as the services see it: already read, nothing decoded beyond the header names. */
export interface LocalRequest {
  method: string;
  /** The raw path as sent, still percent-encoded (SigV4 and S3 keys need the exact bytes). */
  rawPath: string;
  /** The raw query string without `?` (may be empty). */
  rawQuery: string;
  query: URLSearchParams;
  /** Lower-cased names; repeated headers joined with `,` as Node does. */
  headers: Record<string, string>;
  body: Buffer;
  /** `http://127.0.0.1:port`, from the Host header the client sent. */
  origin: string;
  /** Set by the server for logs and error bodies. */
  requestId: string;
}

export interface LocalResponse {
  status: number;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /**
   * Answer nothing: the server destroys the connection instead (fault injection's `reset`, a network
   * failure as the client sees one). Status, headers and body are then ignored.
   */
  destroySocket?: boolean;
}
