/** A request as the reference sees it: lower-case header names, the raw body text. */
export interface ApiRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** An answer before it is written: a JSON body, or none. */
export interface ApiResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export type Handler = (request: ApiRequest) => Promise<ApiResponse>;
