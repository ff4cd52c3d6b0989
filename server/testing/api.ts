import type { Db } from '@/db/client';
import { sampleCaseRow } from '@/db/seed/case-file';
import type { ApiScope } from '@/lib/api-scopes';
import { handleApiRequest } from '../api/rest/handler';
import { drainJobs } from '../jobs/queue';
import { JOB_HANDLERS } from '../jobs/handlers';
import { callerAs, type UserKey, type World } from './world';

/** A key of `who`'s organization with `scopes`, made by `who` (an admin) on the keys screen's procedure. */
export const keyOf = async (
  w: World,
  who: UserKey,
  scopes: ApiScope[],
  extra: { rateLimit?: number; expiresOn?: string } = {},
) => {
  const admin = await callerAs(w.db, w.users[who]);
  return admin.apiKeys.create({ name: `${who} system`, scopes, ...extra });
};

export type ApiAnswer = { status: number; headers: Headers; body: Record<string, unknown> & { [k: string]: unknown } };

/** One request to /api/v1 as the route handler answers it; bytes (a file) are sent as they are, anything else as JSON. */
export const apiCall = async (
  db: Db,
  method: string,
  path: string,
  { key, body, headers = {} }: { key?: string | null; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiAnswer> => {
  const res = await handleApiRequest(
    new Request(`http://daylight.test/api/v1${path}`, {
      method,
      headers: {
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...(body === undefined
          ? {}
          : { 'content-type': body instanceof Uint8Array ? 'application/octet-stream' : 'application/json' }),
        'x-daylight-peer': '203.0.113.9',
        ...headers,
      },
      ...(body === undefined
        ? {}
        : {
            body:
              body instanceof Uint8Array
                ? new Uint8Array(body)
                : typeof body === 'string'
                  ? body
                  : JSON.stringify(body),
          }),
    }),
    db,
  );
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
};

/**
 * Runs the job queue every few milliseconds until stopped: the work a request queued gets
 * done while the request waits for it, as the app's own scheduler does (tests run with it off).
 */
export const drainingJobs = (db: Db) => {
  let isStopped = false;
  const loop = (async () => {
    while (!isStopped) {
      await drainJobs(db, JOB_HANDLERS);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return async () => {
    isStopped = true;
    await loop;
  };
};

const fenOf = (yuan: string) => Math.round(Number(yuan) * 100);

/** Sample case `i` (db/seed/case-file.ts) as an item of a placement batch. */
export const sampleItem = (i: number, prefix = 'API') => {
  const [
    contractNo,
    debtorName,
    idNumber,
    phones,
    loan,
    principal,
    overdue,
    days,
    loanDate,
    product,
    province,
    city,
    address,
    cName,
    cRel,
    cPhone,
  ] = sampleCaseRow(i, prefix) as [string, ...string[]] & string[];
  return {
    contractNo,
    debtorName: debtorName ?? '',
    idNumber: idNumber ?? '',
    phones: (phones ?? '').split(';'),
    loanAmount: fenOf(loan ?? '0'),
    principalOutstanding: fenOf(principal ?? '0'),
    amountOverdue: fenOf(overdue ?? '0'),
    daysOverdue: Number(days),
    loanDate,
    product,
    province,
    city,
    address,
    contacts: [{ name: cName ?? '', relation: cRel ?? '', phone: cPhone ?? '' }],
  };
};
