import type { ErrorBody } from '@notoneless/shared';

/** One error for every failed request; `message` is the Chinese text to show the user. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

type RequestOptions = {
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
  /** Let the caller handle 401 (login form, the /me probe) instead of leaving for the login page. */
  skipAuthRedirect?: boolean;
};

const CSRF_COOKIE = 'nol_csrf';
const CSRF_HEADER = 'x-csrf-token';

const STATUS_MESSAGES: Record<number, string> = {
  400: '提交的内容有误，请检查后重试',
  401: '登录已失效，请重新登录',
  403: '您无权进行此操作',
  404: '未找到，或您无权查看',
  409: '数据已被修改或存在冲突，请刷新后重试',
  413: '文件过大',
  422: '提交的内容有误，请检查后重试',
  429: '操作过于频繁，请稍后再试',
};

let unauthorizedHandler: () => void = () => {
  if (!window.location.pathname.startsWith('/login')) window.location.assign('/login');
};

/** The auth provider replaces the default (a full reload to /login) with a router-friendly handler. */
export function setUnauthorizedHandler(handler: () => void): void {
  unauthorizedHandler = handler;
}

export function readCookie(name: string): string | undefined {
  const prefix = `${name}=`;
  const found = document.cookie.split('; ').find((part) => part.startsWith(prefix));
  return found === undefined ? undefined : decodeURIComponent(found.slice(prefix.length));
}

/** `?a=1&b=x`, skipping empty values; '' when nothing is left. */
export function toQueryString(query: QueryParams | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'message' in error;
}

async function toApiError(response: Response): Promise<ApiError> {
  const fallback = STATUS_MESSAGES[response.status] ?? `服务器错误（${response.status}），请稍后重试`;
  const body: unknown = await response.json().catch(() => undefined);
  if (isErrorBody(body)) {
    const { code, message, details } = body.error;
    return new ApiError(response.status, code, message || fallback, details);
  }
  return new ApiError(response.status, `HTTP_${response.status}`, fallback);
}

/** Send a request and return the response itself (for downloads); throws ApiError unless 2xx. */
export async function send(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
  const headers = new Headers({ accept: 'application/json' });
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && method !== 'HEAD') {
    const token = readCookie(CSRF_COOKIE);
    if (token) headers.set(CSRF_HEADER, token);
  }

  let response: Response;
  try {
    response = await fetch(path + toQueryString(options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试');
  }

  if (response.ok) return response;
  const error = await toApiError(response);
  if (response.status === 401 && !options.skipAuthRedirect) unauthorizedHandler();
  throw error;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, options);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

type Extra = Omit<RequestOptions, 'query' | 'body'>;

export const api = {
  get: <T>(path: string, query?: QueryParams, extra?: Extra) => request<T>('GET', path, { ...extra, query }),
  post: <T>(path: string, body?: unknown, extra?: Extra) => request<T>('POST', path, { ...extra, body }),
  put: <T>(path: string, body?: unknown, extra?: Extra) => request<T>('PUT', path, { ...extra, body }),
  patch: <T>(path: string, body?: unknown, extra?: Extra) => request<T>('PATCH', path, { ...extra, body }),
  delete: <T>(path: string, extra?: Extra) => request<T>('DELETE', path, extra),
  upload: <T>(path: string, form: FormData, extra?: Extra) => request<T>('POST', path, { ...extra, body: form }),
};

/** The Chinese message of any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return '操作失败，请稍后重试';
}
