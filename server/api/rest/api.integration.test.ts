// The public API as a lender's or an agency's system meets it: keys refused for every reason
// the issue names (missing, malformed, wrong secret, revoked, expired, organization
// suspended), problem details in the caller's language, per-key rate limits with their
// headers, a valid OpenAPI 3.1 document, batch placement all or nothing with bad items named
// by index and field, idempotent retries, rule refusals naming the rule and the next allowed
// time, and every call on the audit trail with the key's id.
import { Validator } from '@seriousme/openapi-schema-validator';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DbHandle } from '@/db/client';
import { apiKeys, auditLog, cases } from '@/db/schema';
import { ABANDONED_MS, claimIdempotencyKey, keepIdempotentReply } from '../../domain/api/idempotency';
import { authenticateApiKey } from '../../domain/api/keys';
import { apiCall, drainingJobs, keyOf, sampleItem } from '../../testing/api';
import { createTestDb, isPostgresRun } from '../../testing/db';
import { middayZone, workingCases } from '../../testing/work';
import { buildWorld, callerAs, META, type World } from '../../testing/world';
import { MAX_BATCH_ITEMS } from './placement';

let handle: DbHandle;
let w: World;
let stopJobs: () => Promise<void>;

beforeAll(async () => {
  handle = await createTestDb();
  w = await buildWorld(handle.db);
  stopJobs = drainingJobs(handle.db);
});
afterAll(async () => {
  await stopJobs();
  await handle.close();
});

/**
 * The cases some tests work are imported by helpers that drain the queue themselves and
 * expect to find their import's job: the queue the batches need is paused meanwhile.
 */
const pausingJobs = () => {
  beforeAll(async () => {
    await stopJobs();
  });
  afterAll(() => {
    stopJobs = drainingJobs(handle.db);
  });
};

const casesOf = (prefix: string) =>
  handle.db
    .select({ id: cases.id })
    .from(cases)
    .where(sql`${cases.contractNo} like ${`${prefix}%`}`);

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document, served without a key, in either language', async () => {
    const zh = await apiCall(handle.db, 'GET', '/openapi.json');
    expect(zh.status).toBe(200);
    const validator = new Validator();
    const result = await validator.validate(zh.body);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    expect((zh.body.info as { title: string }).title).toBe('阳光处置平台 API');
    const en = await apiCall(handle.db, 'GET', '/openapi.json', { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect((en.body.info as { title: string }).title).toBe('Daylight API');
    expect(Object.keys(en.body.paths as object)).toContain('/creditor/cases/batch');
  });

  it('names the app’s public URL as its server, not the address a request reached behind a proxy', async () => {
    vi.stubEnv('NEXTAUTH_URL', 'https://daylight.example.cn');
    try {
      const doc = await apiCall(handle.db, 'GET', '/openapi.json?lang=en');
      expect(doc.body.servers).toEqual([{ url: 'https://daylight.example.cn/api/v1' }]);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('answers in the language ?lang= names, before Accept-Language, and ignores one it does not know', async () => {
    const title = async (path: string, acceptLanguage: string) =>
      (await apiCall(handle.db, 'GET', path, { headers: { 'accept-language': acceptLanguage } })).body.info;
    expect(await title('/openapi.json?lang=en', 'zh-CN,zh;q=0.9')).toMatchObject({ title: 'Daylight API' });
    expect(await title('/openapi.json?lang=zh-CN', 'en-US,en;q=0.9')).toMatchObject({ title: '阳光处置平台 API' });
    expect(await title('/openapi.json?lang=fr', 'en')).toMatchObject({ title: 'Daylight API' });
    expect(await title('/openapi.json?lang=fr', 'zh-CN')).toMatchObject({ title: '阳光处置平台 API' });
  });
});

describe('keys', () => {
  it('refuses a malformed key, a wrong secret with a real prefix, a revoked key', async () => {
    const { key, secret } = await keyOf(w, 'creditorA.admin', ['cases:read']);
    expect(secret).toMatch(/^dl_live_[A-Za-z0-9_-]{40}$/);
    expect(secret.slice(8, 18)).toBe(key.prefix);
    const malformed = await apiCall(handle.db, 'GET', '/creditor/cases', { key: 'not-a-key' });
    expect(malformed).toMatchObject({ status: 401, body: { code: 'api.keyInvalid', detail: 'API 密钥无效' } });
    const forged = `${secret.slice(0, 18)}${'A'.repeat(30)}`;
    expect((await apiCall(handle.db, 'GET', '/creditor/cases', { key: forged })).body.code).toBe('api.keyInvalid');
    expect((await apiCall(handle.db, 'GET', '/creditor/cases', { key: secret })).status).toBe(200);

    const admin = await callerAs(handle.db, w.users['creditorA.admin']);
    await admin.apiKeys.revoke({ keyId: key.id });
    const revoked = await apiCall(handle.db, 'GET', '/creditor/cases', {
      key: secret,
      headers: { 'accept-language': 'en' },
    });
    expect(revoked).toMatchObject({
      status: 401,
      body: { code: 'api.keyRevoked', detail: 'This API key has been revoked', title: 'Unauthorized' },
    });
    await expect(admin.apiKeys.revoke({ keyId: key.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    // The database keeps a revoked key revoked and a key's secret as it was made.
    await expect(handle.db.update(apiKeys).set({ revokedAt: null }).where(eq(apiKeys.id, key.id))).rejects.toThrow();
    await expect(
      handle.db
        .update(apiKeys)
        .set({ scopes: ['cases:write'] })
        .where(eq(apiKeys.id, key.id)),
    ).rejects.toThrow();
    await expect(handle.db.delete(apiKeys).where(eq(apiKeys.id, key.id))).rejects.toThrow();
  });

  it('refuses an expired key from the day after its last day', async () => {
    const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
      new Date(Date.now() + 86_400_000),
    );
    const { secret } = await keyOf(w, 'creditorA.admin', ['cases:read'], { expiresOn: tomorrow });
    expect('actor' in (await authenticateApiKey(handle.db, secret, META))).toBe(true);
    const later = new Date(Date.now() + 3 * 86_400_000);
    expect(await authenticateApiKey(handle.db, secret, META, later)).toEqual({ refusal: 'api.keyExpired' });
    const admin = await callerAs(handle.db, w.users['creditorA.admin']);
    await expect(
      admin.apiKeys.create({ name: '过期', scopes: ['cases:read'], expiresOn: '2020-01-01' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('refuses scopes of the other kind of organization, and lists only the own organization’s keys', async () => {
    const admin = await callerAs(handle.db, w.users['agencyB.admin']);
    await expect(admin.apiKeys.create({ name: '越权', scopes: ['packages:read'] })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const { key } = await admin.apiKeys.create({ name: '呼叫中心', scopes: ['actions:write', 'calls:write'] });
    const own = await admin.apiKeys.list({ limit: 100 });
    expect(own.items.map((k) => k.id)).toContain(key.id);
    const other = await (await callerAs(handle.db, w.users['agencyA.admin'])).apiKeys.list({ limit: 100 });
    expect(other.items.map((k) => k.id)).not.toContain(key.id);
  });

  it('refuses the key of a suspended organization on its next call', async () => {
    const { secret } = await keyOf(w, 'agencyB.admin', ['cases:read']);
    expect((await apiCall(handle.db, 'GET', '/agency/cases', { key: secret })).status).toBe(200);
    const staff = await callerAs(handle.db, w.users['platform.admin']);
    await staff.staff.orgs.setStatus({ orgId: w.orgs.agencyB.id, status: 'suspended', reason: '暴力催收，暂停' });
    const res = await apiCall(handle.db, 'GET', '/agency/cases', { key: secret });
    expect(res).toMatchObject({ status: 401, body: { code: 'auth.orgBlocked' } });
    await staff.staff.orgs.setStatus({ orgId: w.orgs.agencyB.id, status: 'active', reason: '整改完成，恢复' });
  });

  it('counts calls per key a minute: over the limit 429 with Retry-After and RateLimit headers', async () => {
    const { secret } = await keyOf(w, 'creditorA.admin', ['cases:read'], { rateLimit: 3 });
    const answers = [];
    for (let i = 0; i < 4; i += 1)
      answers.push(await apiCall(handle.db, 'GET', '/creditor/cases?limit=1', { key: secret }));
    // A call that straddles a minute starts a new count: then the fourth is still allowed, so only the headers are certain.
    const [first] = answers;
    expect(first?.headers.get('ratelimit-limit')).toBe('3');
    expect(first?.headers.get('ratelimit-remaining')).toBe('2');
    expect(first?.headers.get('ratelimit-policy')).toBe('"per-key";q=3;w=60');
    const last = answers[3];
    if (last?.status === 429) {
      expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(last.body).toMatchObject({ code: 'api.rateLimited', values: { limit: 3 } });
    } else expect(answers[2]?.headers.get('ratelimit-remaining')).toBe('2');
  });

  it('audits every call with the key’s id, refused ones too', async () => {
    const { key, secret } = await keyOf(w, 'creditorA.admin', ['cases:read']);
    await apiCall(handle.db, 'GET', '/creditor/cases?limit=1', { key: secret });
    await apiCall(handle.db, 'GET', '/creditor/packages', { key: secret });
    const rows = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.apiKeyId, key.id), eq(auditLog.action, 'api.call')));
    expect(rows.map((r) => [r.resourceId, (r.after as { status: number }).status]).sort()).toEqual([
      ['listCases', 200],
      ['listPackages', 403],
    ]);
    expect(rows[0]).toMatchObject({ actorOrgId: w.orgs.creditorA.id, orgId: w.orgs.creditorA.id });
  });
});

describe('placing cases', () => {
  const place = (key: string, body: unknown, headers: Record<string, string> = {}) =>
    apiCall(handle.db, 'POST', '/creditor/cases/batch', { key, body, headers });

  it('places a batch through the case import: sealed, listed, followed by its import', async () => {
    const { secret } = await keyOf(w, 'creditorA.admin', ['cases:write', 'cases:read']);
    const items = Array.from({ length: 5 }, (_, i) => sampleItem(i, 'APIOK'));
    const res = await place(secret, { items });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ placed: 5, import: { status: 'succeeded', rowCount: 5, rowsWritten: 5 } });
    const listed = await apiCall(handle.db, 'GET', '/creditor/cases?contractNo=APIOK00000001', { key: secret });
    const [one] = listed.body.items as { idNumber: string; phone: string; amountOverdue: number }[];
    expect(one?.idNumber).toMatch(/\*/);
    expect(one?.phone).toMatch(/\*/);
    expect(one?.amountOverdue).toBe(items[1]?.amountOverdue);
    const url = (res.body.import as { url: string }).url;
    const followed = await apiCall(handle.db, 'GET', url.replace('http://daylight.test/api/v1', ''), { key: secret });
    expect(followed.body).toMatchObject({ status: 'succeeded', rowsWritten: 5 });
  });

  it('names every bad item by index and field, and writes nothing', async () => {
    const { secret } = await keyOf(w, 'creditorA.admin', ['cases:write']);
    const items = Array.from({ length: 6 }, (_, i) => sampleItem(i, 'APIBAD'));
    items[1] = { ...sampleItem(1, 'APIBAD'), idNumber: '110101199001011230' };
    items[4] = { ...sampleItem(4, 'APIBAD'), phones: ['12345'] };
    items[5] = { ...sampleItem(5, 'APIBAD'), contractNo: 'APIBAD00000000' };
    const res = await place(secret, { items }, { 'accept-language': 'en' });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ code: 'api.batchItems', detail: '3 cases are invalid; nothing was written' });
    const errors = res.body.errors as { index: number; pointer: string; code: string; message: string }[];
    expect(errors.map((e) => [e.index, e.pointer, e.code])).toEqual([
      [1, '/items/1/idNumber', 'idNumber'],
      [4, '/items/4/phones', 'phone'],
      [5, '/items/5/contractNo', 'duplicateInFile'],
    ]);
    expect(errors[2]?.message).toBe(
      'Contract number “APIBAD00000000” is already item 0 of this batch (counting from 0)',
    );
    expect(await casesOf('APIBAD')).toEqual([]);
  });

  it('refuses items of the wrong type by index and field before anything is stored', async () => {
    const { secret } = await keyOf(w, 'creditorA.admin', ['cases:write']);
    const res = await place(secret, {
      items: [sampleItem(0, 'APITY'), { ...sampleItem(1, 'APITY'), loanAmount: '5000.00', surprise: 1 }],
    });
    expect(res.status).toBe(422);
    const errors = res.body.errors as { index: number; pointer: string }[];
    expect(errors.map((e) => e.pointer).sort()).toEqual(['/items/1/loanAmount', '/items/1/surprise'].sort());
    expect(await casesOf('APITY')).toEqual([]);
  });

  it('refuses a batch over the limit, an empty one and a body that is not JSON', async () => {
    const { secret } = await keyOf(w, 'creditorA.admin', ['cases:write']);
    const over = await place(secret, { items: Array.from({ length: MAX_BATCH_ITEMS + 1 }, () => ({})) });
    expect(over).toMatchObject({
      status: 413,
      body: { code: 'api.batchTooLarge', values: { max: 10_000, count: 10_001 } },
    });
    expect((await place(secret, { items: [] })).status).toBe(400);
    expect((await place(secret, '{"items": [')).body).toMatchObject({ status: 400, code: 'api.bodyNotJson' });
  });

  it('answers a retry with the same Idempotency-Key as the first time and places the cases once', async () => {
    const { secret } = await keyOf(w, 'creditorA.admin', ['cases:write']);
    const body = { items: [sampleItem(0, 'APIIDEM'), sampleItem(1, 'APIIDEM')] };
    const key = { 'idempotency-key': 'loan-system-batch-0001' };
    const first = await place(secret, body, key);
    expect(first.status).toBe(201);
    const again = await place(secret, body, key);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await casesOf('APIIDEM')).toHaveLength(2);
    const other = await place(secret, { items: [sampleItem(2, 'APIIDEM')] }, key);
    expect(other).toMatchObject({ status: 422, body: { code: 'api.idempotencyReused' } });
    // Keys are the organization's: another creditor's key of the same name is its own.
    const { secret: secretB } = await keyOf(w, 'creditorB.admin', ['cases:write']);
    expect((await place(secretB, { items: [sampleItem(0, 'APIIDEMB')] }, key)).status).toBe(201);
  });
});

describe('a case’s complaints', () => {
  pausingJobs();
  it('lists the complaints about one of the creditor’s cases', async () => {
    const { caseId } = await workingCases(w, 2);
    const manager = await callerAs(handle.db, w.users['creditorA.manager']);
    const filed = await manager.complaints.file({
      caseId,
      agencyId: null,
      category: 'privacy',
      description: '处置机构向借款人同事透露欠款信息，违反保密约定。',
      evidence: [],
    });
    const { secret } = await keyOf(w, 'creditorA.admin', ['cases:read']);
    const res = await apiCall(handle.db, 'GET', `/creditor/cases/${caseId}/complaints`, { key: secret });
    expect(res.status).toBe(200);
    expect((res.body.items as { reference: string; category: string }[]).map((c) => [c.reference, c.category])).toEqual(
      [[filed.reference, 'privacy']],
    );
  });
});

describe('events', () => {
  it('lists the events sent to the organization’s endpoints, newest first, only its own', async () => {
    vi.stubEnv('WEBHOOK_ALLOWED_HOSTS', '127.0.0.1');
    try {
      const admin = await callerAs(handle.db, w.users['creditorA.admin']);
      await admin.webhooks.create({ url: 'http://127.0.0.1:9/hooks', eventTypes: ['import.finished'] });
      const { secret } = await keyOf(w, 'creditorA.admin', ['cases:write', 'events:read']);
      const placed = await apiCall(handle.db, 'POST', '/creditor/cases/batch', {
        key: secret,
        body: { items: [sampleItem(0, 'APIEVT')] },
      });
      const importId = (placed.body.import as { id: string }).id;
      const events = await apiCall(handle.db, 'GET', '/creditor/events?type=import.finished&limit=5', { key: secret });
      expect(events.status).toBe(200);
      const [newest] = events.body.items as { id: string; type: string; data: Record<string, unknown> }[];
      expect(newest).toMatchObject({ type: 'import.finished', data: { importId, status: 'succeeded', rowCount: 1 } });
      const { secret: other } = await keyOf(w, 'creditorB.admin', ['events:read']);
      const theirs = await apiCall(handle.db, 'GET', '/creditor/events', { key: other });
      expect(JSON.stringify(theirs.body)).not.toContain(importId);
      const badType = await apiCall(handle.db, 'GET', '/creditor/events?type=nothing', { key: secret });
      expect(badType).toMatchObject({ status: 400, body: { errors: [{ field: 'type' }] } });
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('idempotency keys', () => {
  it('lets a retry take over a key whose first request never finished (its process died), and only then', async () => {
    const t0 = new Date('2026-12-03T02:00:00Z');
    const org = w.orgs.creditorB.id;
    const claim = (at: Date, hash = 'h1') => claimIdempotencyKey(handle.db, org, 'abandoned-1', 'POST /x', hash, at);
    expect(await claim(t0)).toEqual({ kind: 'claimed' });
    await expect(claim(new Date(t0.getTime() + 60_000))).rejects.toMatchObject({ code: 'api.idempotencyInFlight' });
    await expect(claim(new Date(t0.getTime() + ABANDONED_MS + 1000), 'h2')).rejects.toMatchObject({
      code: 'api.idempotencyReused',
    });
    expect(await claim(new Date(t0.getTime() + ABANDONED_MS + 1000))).toEqual({ kind: 'claimed' });
    await keepIdempotentReply(handle.db, org, 'abandoned-1', 201, '{"ok":true}');
    expect(await claim(new Date(t0.getTime() + ABANDONED_MS + 2000))).toEqual({
      kind: 'replay',
      status: 201,
      body: '{"ok":true}',
    });
    await expect(claimIdempotencyKey(handle.db, org, 'has space', 'POST /x', 'h', t0)).rejects.toMatchObject({
      code: 'api.idempotencyKey',
    });
  });
});

describe('logging actions', () => {
  pausingJobs();
  it('logs an allowed call, which the creditor then reads as the case’s last action', async () => {
    const { caseId, row } = await workingCases(w, 2);
    await handle.db.update(cases).set({ timeZone: middayZone() }).where(eq(cases.id, caseId));
    const { secret } = await keyOf(w, 'agencyA.admin', ['actions:write']);
    const logged = await apiCall(handle.db, 'POST', '/agency/actions', {
      key: secret,
      body: {
        caseId,
        channel: 'call',
        target: 'debtor',
        index: 0,
        outcome: 'answered',
        note: '债务人接听，称月底还款',
      },
    });
    expect(logged.status, JSON.stringify(logged.body)).toBe(201);
    const { secret: creditorKey } = await keyOf(w, 'creditorA.admin', ['cases:read']);
    const listed = await apiCall(handle.db, 'GET', `/creditor/cases?contractNo=${row?.contractNo}`, {
      key: creditorKey,
    });
    const [item] = listed.body.items as { lastAction: { at: string; channel: string; outcome: string } | null }[];
    expect(item?.lastAction).toMatchObject({ channel: 'call', outcome: 'answered' });
    expect(Date.now() - Date.parse(item?.lastAction?.at ?? '')).toBeLessThan(60_000);
  });

  it('refuses what the rulebook refuses, naming the rule and the next allowed time', async () => {
    const { caseId } = await workingCases(w, 2);
    // Where it is 03:00 now: outside the contact window.
    const night = middayZone(new Date(Date.now() + 9 * 3_600_000));
    await handle.db.update(cases).set({ timeZone: night }).where(eq(cases.id, caseId));
    const { secret } = await keyOf(w, 'agencyA.admin', ['actions:write']);
    const res = await apiCall(handle.db, 'POST', '/agency/actions', {
      key: secret,
      body: { caseId, channel: 'call', target: 'debtor', index: 0, outcome: 'answered', note: '夜间拨打' },
    });
    expect(res.status).toBe(412);
    expect(res.body).toMatchObject({ code: 'rules.window' });
    expect((res.body.values as { next: string }).next).toMatch(/^\d{4}-\d\d-\d\d 0?8:00$/);
  });
});

describe.runIf(isPostgresRun())('parallel retries on PostgreSQL', () => {
  it('places a batch once when the same request arrives 8 times at once; each answer is the first or “still in progress”', async () => {
    const { secret } = await keyOf(w, 'creditorA.admin', ['cases:write']);
    const body = { items: Array.from({ length: 20 }, (_, i) => sampleItem(i, 'APIPAR')) };
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        apiCall(handle.db, 'POST', '/creditor/cases/batch', {
          key: secret,
          body,
          headers: { 'idempotency-key': 'parallel-0001' },
        }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    for (const a of answers.filter((x) => x.status === 409))
      expect(a.body).toMatchObject({ code: 'api.idempotencyInFlight' });
    expect(await casesOf('APIPAR')).toHaveLength(20);
    // Once answered, a retry gets that answer.
    const later = await apiCall(handle.db, 'POST', '/creditor/cases/batch', {
      key: secret,
      body,
      headers: { 'idempotency-key': 'parallel-0001' },
    });
    expect(later).toMatchObject({ status: 201, body: { placed: 20 } });
    expect(later.headers.get('idempotent-replayed')).toBe('true');
  });
});

describe('changing cases and recording repayments', () => {
  it('updates placed cases all or nothing, naming a bad item by index and field', async () => {
    const { secret } = await keyOf(w, 'creditorA.admin', ['cases:write', 'cases:read']);
    const placed = await apiCall(handle.db, 'POST', '/creditor/cases/batch', {
      key: secret,
      body: { items: [sampleItem(0, 'APIUPD'), sampleItem(1, 'APIUPD')] },
    });
    expect(placed.status).toBe(201);
    const bad = await apiCall(handle.db, 'POST', '/creditor/cases/updates', {
      key: secret,
      headers: { 'accept-language': 'en' },
      body: {
        items: [
          { contractNo: 'APIUPD00000000', amountOverdue: 99_900 },
          { contractNo: 'APIUPD00000001', retirePhones: ['13000000009'] },
        ],
      },
    });
    expect(bad.status).toBe(422);
    expect(
      (bad.body.errors as { index: number; pointer: string; code: string }[]).map((e) => [e.index, e.pointer, e.code]),
    ).toEqual([[1, '/items/1/retirePhones', 'phoneNotOnCase']]);
    const read = async () =>
      (
        (await apiCall(handle.db, 'GET', '/creditor/cases?contractNo=APIUPD00000000', { key: secret })).body.items as {
          amountOverdue: number;
        }[]
      )[0]?.amountOverdue;
    expect(await read()).toBe(sampleItem(0, 'APIUPD').amountOverdue);
    const good = await apiCall(handle.db, 'POST', '/creditor/cases/updates', {
      key: secret,
      body: { items: [{ contractNo: 'APIUPD00000000', amountOverdue: 99_900 }] },
    });
    expect(good).toMatchObject({ status: 201, body: { updated: 1 } });
    expect(await read()).toBe(99_900);
  });

  it('records a repayment from the loan system as a direct payment, refusing an unknown contract by index', async () => {
    const { secret } = await keyOf(w, 'creditorA.admin', ['cases:write', 'repayments:write']);
    await apiCall(handle.db, 'POST', '/creditor/cases/batch', {
      key: secret,
      body: { items: [sampleItem(0, 'APIPAY')] },
    });
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const bad = await apiCall(handle.db, 'POST', '/creditor/repayments/batch', {
      key: secret,
      body: {
        items: [
          { contractNo: 'APIPAY00000000', amount: 12_345, paidOn: today },
          { contractNo: 'NOSUCH0001', amount: 100, paidOn: today },
        ],
      },
    });
    expect(bad.status).toBe(422);
    expect((bad.body.errors as { index: number; code: string }[]).map((e) => [e.index, e.code])).toEqual([
      [1, 'caseNotFound'],
    ]);
    const good = await apiCall(handle.db, 'POST', '/creditor/repayments/batch', {
      key: secret,
      body: { items: [{ contractNo: 'APIPAY00000000', amount: 12_345, paidOn: today, reference: 'TX-API-1' }] },
    });
    expect(good).toMatchObject({ status: 201, body: { recorded: 1, summary: { direct: 1, amount: 12_345 } } });
  });
});
