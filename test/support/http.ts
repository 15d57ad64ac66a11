import { prepareRecording, recordRequest } from './traffic/traffic-record.js';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * A tiny JSON client for a service's `/api` (and `/health`) over real HTTP. In the integration
 * and e2e tiers it records every request and its status for the check against the services'
 * OpenAPI documents (test/support/traffic/traffic-check.ts), unless a call says `unrecorded`.
 */
export function client(baseUrl: string) {
  async function call<T = any>(
    method: string,
    path: string,
    options: {
      body?: unknown;
      token?: string;
      headers?: Record<string, string>;
      /** Sent on purpose outside the API's contract (junk routes or parameters): not checked. */
      unrecorded?: boolean;
    } = {},
  ): Promise<ApiResponse<T>> {
    const recording = !options.unrecorded && (await prepareRecording(baseUrl));
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    let body: any = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    if (recording) await recordRequest(baseUrl, method, path, response.status, body);
    return { status: response.status, body, headers: response.headers };
  }
  return {
    url: baseUrl,
    get: <T = any>(path: string, token?: string, headers?: Record<string, string>) =>
      call<T>('GET', path, { token, headers }),
    post: <T = any>(
      path: string,
      body?: unknown,
      token?: string,
      headers?: Record<string, string>,
    ) => call<T>('POST', path, { body: body ?? {}, token, headers }),
    patch: <T = any>(path: string, body: unknown, token?: string) =>
      call<T>('PATCH', path, { body, token }),
    put: <T = any>(path: string, body: unknown, token?: string) =>
      call<T>('PUT', path, { body, token }),
    call,
  };
}
export type Client = ReturnType<typeof client>;
