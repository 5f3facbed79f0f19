// The one client of the staff API: JSON in and out, the staff token on every request, and every refusal as an error
// whose message is the Chinese title of the server's problem details.
import { expire, token } from './session.js';

const EXPIRED = '登录已过期，请重新登录';

/** A refusal: `status`, the problem details as sent (or null), and their title as the message. */
export class ApiError extends Error {
  constructor(status, problem, fallback = '请求未能完成') {
    super((problem && problem.title) || fallback);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

/**
 * `api(path)` reads; `api(path, { method, body })` changes (body sent as JSON; `headers` adds some, such as an
 * Idempotency-Key). Answers the parsed JSON or null.
 */
export async function api(path, options) {
  return (await send(path, options)).data;
}

/**
 * One page of a paged list: `rows`, and `total`, how many the whole list holds (the server's X-Total-Count), so a
 * page never passes for everything.
 */
export async function apiPage(path) {
  const { data, response } = await send(path);
  return { rows: data, total: Number(response.headers.get('X-Total-Count') ?? data.length) };
}

async function send(path, { method = 'GET', body, headers: extra } = {}) {
  const headers = { 'Content-Type': 'application/json', ...extra };
  const bearer = token();
  if (bearer) headers.Authorization = 'Bearer ' + bearer;
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (response.status === 401 && bearer) {
    const refusal = new ApiError(401, data, EXPIRED);
    expire(refusal.message);
    throw refusal;
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return { data, response };
}

/**
 * A file behind the staff token (a link could not send it): fetched, then saved under its Chinese name.
 * `failure` is what the member reads when it cannot be had.
 */
export async function download(path, fileName, failure) {
  const response = await fetch(path, { headers: { Authorization: 'Bearer ' + token() } });
  if (!response.ok) throw new Error(failure);
  const href = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Later, not at once: revoking right after the click can cancel the save.
  setTimeout(() => URL.revokeObjectURL(href), 10000);
}
