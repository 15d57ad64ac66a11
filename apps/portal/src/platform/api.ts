import { ServiceUnavailableError, SignedOutError } from './tokens.js';
import type { Lang } from '../i18n/i18n.js';

/** An answer of a service: its status and parsed body (JSON, or text for CSV and the like). */
export interface ApiResult<T = any> {
  status: number;
  ok: boolean;
  body: T;
}

/** One problem of a 400/422 answer, as the services' error shape lists them. */
export interface ApiProblem {
  path: string;
  message: string;
}

const TIMEOUT_MS = 10_000;

/**
 * A service as the portal calls it on behalf of the signed-in person: their access token (never
 * sent to the browser), their language, the request's correlation id. A 4xx is returned to the
 * page to show; no answer or a 5xx throws ServiceUnavailableError (the page says the service is
 * unavailable, what was saved is kept); a 401 to a signed-in call throws SignedOutError (the
 * page sends the person to sign in again).
 */
export class ServiceApi {
  constructor(
    readonly baseUrl: string,
    private readonly token: () => Promise<string | undefined>,
    private readonly lang: Lang,
    private readonly correlationId: string,
    /** The person's address, forwarded (X-Forwarded-For) for the services' per-address limits. */
    private readonly clientIp?: string,
  ) {}

  get<T = any>(path: string): Promise<ApiResult<T>> {
    return this.request<T>('GET', path);
  }

  post<T = any>(path: string, body?: unknown): Promise<ApiResult<T>> {
    return this.request<T>('POST', path, body ?? {});
  }

  put<T = any>(path: string, body?: unknown): Promise<ApiResult<T>> {
    return this.request<T>('PUT', path, body ?? {});
  }

  patch<T = any>(path: string, body?: unknown): Promise<ApiResult<T>> {
    return this.request<T>('PATCH', path, body ?? {});
  }

  delete<T = any>(path: string): Promise<ApiResult<T>> {
    return this.request<T>('DELETE', path);
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
    const token = await this.token();
    const headers: Record<string, string> = {
      'accept-language': this.lang,
      'x-correlation-id': this.correlationId,
    };
    if (token) headers.authorization = `Bearer ${token}`;
    if (this.clientIp) headers['x-forwarded-for'] = this.clientIp;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(new URL(path, this.baseUrl), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new ServiceUnavailableError(`${method} ${path}: ${(error as Error).message}`);
    }
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text) {
      parsed = JSON.parse(text);
    }
    if (response.status >= 500) {
      throw new ServiceUnavailableError(`${method} ${path}: ${response.status}`);
    }
    if (response.status === 401 && token) throw new SignedOutError(`${method} ${path}: 401`);
    return { status: response.status, ok: response.ok, body: parsed as T };
  }
}
