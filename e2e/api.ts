import { expect } from 'vitest';
import { addCalendarDays, daysBetween, isSchoolDay, shanghaiToday, type SchoolCalendar } from '@notoneless/shared';

/** A small API client for journeys that need data set up or looked up outside the browser. */
export async function apiLogin(baseUrl: string, username: string, password = 'Demo2026') {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = cookies.find((c) => c.startsWith('nol_csrf='))!.slice('nol_csrf='.length);
  const cookie = cookies.join('; ');
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrf, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
  return {
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, body?: unknown) => call<T>('POST', path, body),
    put: <T>(path: string, body: unknown) => call<T>('PUT', path, body),
    /** for requests the JSON helpers do not make (multipart uploads) */
    cookie,
    csrf,
  };
}

export type Api = Awaited<ReturnType<typeof apiLogin>>;

/**
 * Upload a registry file through the API (multipart: kind, schoolId, file), commit it once its preview is ready and
 * wait until the children registry has been fed.
 */
export async function importCsv(baseUrl: string, admin: Api, kind: string, fileName: string, rows: string[][], schoolId?: string) {
  const form = new FormData();
  form.append('kind', kind);
  if (schoolId) form.append('schoolId', schoolId);
  form.append('file', new Blob([rows.map((r) => r.join(',')).join('\r\n') + '\r\n'], { type: 'text/csv' }), fileName);
  const up = await fetch(`${baseUrl}/api/imports`, {
    method: 'POST',
    headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
    body: form,
  });
  if (!up.ok) throw new Error(`import ${fileName}: ${up.status} ${await up.text()}`);
  const snapshot = (await up.json()) as { id: string };
  const settled = async () => {
    const s = await admin.get<{ status: string; job: { phase: string } | null }>(`/api/imports/${snapshot.id}`);
    return !s.job || s.job.phase === 'done' ? s.status : 'busy';
  };
  await expect.poll(settled, { timeout: 30_000 }).toBe('staged');
  await admin.post(`/api/imports/${snapshot.id}/commit`);
  await expect.poll(settled, { timeout: 30_000 }).toBe('committed');
}

/** Move the server's clock forward by `days` (only a server started with NOL_TEST_CLOCK=1 has this route). */
export async function passServerDays(baseUrl: string, days: number): Promise<Date> {
  return setServerClock(baseUrl, { days });
}

/** Put the server's clock back to real time: a journey that moved it resets it, so the next file starts from today. */
export async function resetServerClock(baseUrl: string): Promise<Date> {
  return setServerClock(baseUrl, { reset: true });
}

async function setServerClock(baseUrl: string, body: { days: number } | { reset: true }): Promise<Date> {
  const r = await fetch(`${baseUrl}/api/test/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!r.ok) throw new Error(`test clock: ${r.status} ${await r.text()}`);
  return new Date(((await r.json()) as { now: string }).now);
}

/** The server's clock (the test clock when a journey moved it). */
export async function serverNow(baseUrl: string): Promise<Date> {
  return new Date(((await (await fetch(`${baseUrl}/api/health`)).json()) as { time: string }).time);
}

/**
 * A journey that needs "a school day today" runs on any day: when the server's today (Beijing) is not a school day of the
 * calendar (a weekend, a holiday, the 寒暑假), the server's clock moves forward to the next one, the same time of day.
 * Returns the server's now, and whether it moved (the browser pages then take it: page.clock.setSystemTime).
 */
export async function onSchoolDay(baseUrl: string, cal: SchoolCalendar): Promise<{ now: Date; today: string; moved: boolean }> {
  const now = await serverNow(baseUrl);
  const today = shanghaiToday(now);
  let day = today;
  for (let i = 0; i < 400 && !isSchoolDay(day, cal); i++) day = addCalendarDays(day, 1);
  if (!isSchoolDay(day, cal)) throw new Error(`校历中 ${today} 之后没有上学日`);
  if (day === today) return { now, today, moved: false };
  return { now: await passServerDays(baseUrl, daysBetween(today, day)), today: day, moved: true };
}
