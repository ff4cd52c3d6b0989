// Crafted input is refused as input (400, naming the field, in the caller's language),
// never a server fault: text PostgreSQL cannot store (a NUL character, half of a UTF-16
// surrogate pair) in any field of any procedure, and page cursors that were not handed
// out by the server (wrong shape, wrong types, an id that is no UUID, a date out of range).
// Runs on PGlite (npm test) and PostgreSQL (npm run test:pg), whose refusals differ.
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { loadAuthzTable } from '../testing/authz';
import { createTestDb } from '../testing/db';
import { buildWorld, callerAs, type World } from '../testing/world';
import { describeError } from './errors';
import { handleTrpcRequest } from './http-handler';
import { appRouter } from './root';
import { CSRF_HEADER } from './transport.schema';

// The authorization tables name, for every procedure, a caller who may call it and valid input.
const TABLE = await loadAuthzTable();

const UNSTORABLE_ZH = '含有无法保存的字符（如 NUL 控制字符），请删除后重试';

let handle: DbHandle;
let w: World;
beforeAll(async () => {
  handle = await createTestDb();
  w = await buildWorld(handle.db);
});
afterAll(async () => {
  await handle.close();
});

type Callable = (input?: unknown) => Promise<unknown>;
// A debtor's procedure reads its input before the session (server/api/trpc.ts): called without one, unstorable text is still refused first.
const call = async (as: keyof World['users'] | 'anonymous' | 'debtor', path: string, input: unknown) => {
  const caller = await callerAs(w.db, as === 'anonymous' || as === 'debtor' ? null : w.users[as]);
  const fn = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as Callable;
  return fn(input);
};
const failure = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof TRPCError)) throw new Error(`expected a refusal, got ${e === null ? 'success' : String(e)}`);
  return { code: e.code, ...describeError('zh-CN', e) };
};

/** Paths of the string values in an input, depth first. */
const stringPaths = (v: unknown, path: (string | number)[] = []): (string | number)[][] => {
  if (typeof v === 'string') return [path];
  if (Array.isArray(v)) return v.flatMap((x, i) => stringPaths(x, [...path, i]));
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype)
    return Object.entries(v).flatMap(([k, x]) => stringPaths(x, [...path, k]));
  return [];
};
const withValue = (v: unknown, path: (string | number)[], value: unknown): unknown => {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(v) ? [...v] : { ...(v as object) }) as Record<string | number, unknown>;
  copy[head] = withValue(copy[head], rest, value);
  return copy;
};

describe('text PostgreSQL cannot store', () => {
  it('is refused in the contract-number filter, naming the field, in both languages', async () => {
    const e = await failure(call('creditorA.admin', 'cases.list', { contractNo: 'HX\u00002026', limit: 10 }));
    expect(e).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { contractNo: [UNSTORABLE_ZH] } });
    expect(e.message).toBe(`合同编号: ${UNSTORABLE_ZH}`);
    const en = await callerAs(w.db, w.users['creditorA.admin'], 'en');
    const refused = await en.cases
      .list({ contractNo: 'HX\u00002026', limit: 10 })
      .catch((x: unknown) => x as TRPCError);
    expect(describeError('en', refused as TRPCError).fieldErrors).toEqual({
      contractNo: [
        'Contains a character that cannot be stored (such as the NUL control character). Remove it and try again',
      ],
    });
  });

  it('is refused on the public complaint form, over HTTP, with 400', async () => {
    const input = {
      contractNo: 'HX-2026-0001',
      debtorName: '张三',
      idLast4: '1234',
      relation: 'self',
      complainantName: '',
      contactPhone: null,
      category: 'harassment',
      description: '每天打电话十几次\u0000，还打给我的同事。',
      evidence: [],
    };
    const res = await handleTrpcRequest(
      new Request('http://localhost/api/trpc/complaints.filePublic', {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1' },
        body: JSON.stringify({ json: input }),
      }),
      { db: handle.db, session: async () => null },
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: { json: { message: string; data: { fieldErrors: Record<string, string[]> } } };
    };
    expect(body.error.json.data.fieldErrors).toEqual({ description: [UNSTORABLE_ZH] });
  });

  it('is refused in a filter sent in the query string', async () => {
    const input = encodeURIComponent(JSON.stringify({ json: { contractNo: '\u0000', limit: 5 } }));
    const res = await handleTrpcRequest(new Request(`http://localhost/api/trpc/cases.list?input=${input}`), {
      db: handle.db,
      session: async () => ({ userId: w.users['creditorA.admin'].id, sessionVersion: 0 }),
    });
    expect(res.status).toBe(400);
  });

  it('is refused as half a surrogate pair, which jsonb columns refuse', async () => {
    const e = await failure(call('creditorA.admin', 'cases.list', { contractNo: 'HX\ud8002026', limit: 10 }));
    expect(e.fieldErrors).toEqual({ contractNo: [UNSTORABLE_ZH] });
    // A whole pair (an emoji, a rare character outside the BMP) is text like any other.
    await expect(call('creditorA.admin', 'cases.list', { contractNo: '𠀋2026', limit: 10 })).resolves.toBeDefined();
  });

  it('is refused in every text field of every procedure, before it runs', async () => {
    let checked = 0;
    for (const [path, c] of Object.entries(TABLE)) {
      let input: unknown;
      try {
        input = await c.input?.(w);
      } catch {
        continue; // input built from a setup this test does not run
      }
      const target = stringPaths(input)[0];
      if (!target) continue;
      const original = target.reduce<unknown>(
        (node, k) => (node as Record<string | number, unknown>)[k],
        input,
      ) as string;
      const e = await failure(call(c.allowed, path, withValue(input, target, `${original}\u0000`)));
      expect([path, e.code, e.fieldErrors?.[target.join('.')]]).toEqual([path, 'BAD_REQUEST', [UNSTORABLE_ZH]]);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(60);
  });
});

describe('page cursors the server did not hand out', () => {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v), 'utf8').toString('base64url');
  const UUID = '0190c9a0-0000-7000-8000-000000000000';
  const FORGED = [
    b64(['2026-01-01T00:00:00.000Z', 'not-a-uuid']),
    b64(['2026-01-01T00:00:00.000Z', '-'.repeat(36)]),
    b64(['-271821-04-20T00:00:00.000Z', UUID]),
    b64(['2026-01-01T00:00:00.000Z', `${UUID}\u0000`]),
    b64(['name\u0000', UUID]),
    b64(['not a date', UUID]),
    b64([1e308, 1, UUID]),
    b64([0, 1e308, UUID]),
    b64([0.5, 1, UUID]),
    b64({ at: 1, id: 2 }),
    b64([null, null]),
    '2026-01-01T00:00:00.000Z|not-a-uuid',
    '-271821-04-20T00:00:00.000Z|0190c9a0-0000-7000-8000-000000000000',
    '12abc',
    '%%%',
  ];

  const cursorProcedures = Object.entries(
    appRouter._def.procedures as unknown as Record<
      string,
      { _def: { type: string; inputs: { shape?: Record<string, unknown> }[] } }
    >,
  )
    .filter(([, p]) => p._def.type === 'query' && p._def.inputs.some((i) => i.shape && 'cursor' in i.shape))
    .map(([path]) => path)
    .sort();

  it('covers every paged list', () => {
    expect(cursorProcedures.length).toBeGreaterThan(20);
    expect(cursorProcedures.filter((p) => !TABLE[p])).toEqual([]);
  });

  for (const path of cursorProcedures) {
    it(`${path} refuses a forged cursor as input, never a server fault`, async () => {
      const c = TABLE[path];
      if (!c) throw new Error(`no authz case for ${path}`);
      const input = (await c.input?.(w)) ?? {};
      const faults: string[] = [];
      for (const cursor of FORGED) {
        const outcome = await call(c.allowed, path, { ...(input as object), cursor }).then(
          () => 'served',
          (e: unknown) => (e instanceof TRPCError ? e.code : String(e)),
        );
        // Refused as input; a cursor a list reads differently may still page. Never a fault.
        if (outcome !== 'served' && outcome !== 'BAD_REQUEST') faults.push(`${cursor} → ${outcome}`);
      }
      expect(faults).toEqual([]);
    });
  }
});
