// An SMS is written with its delivery job in the transaction that decides it: rolled back,
// neither exists. Number and values are sealed at rest. The job sends it with no transaction
// open: the outbox marks it sent at once; Aliyun (a local server speaking its protocol) keeps
// its BizId, retries throttling with the queue's backoff and fails on a code no retry can
// change; a message already sent is not sent twice; without a provider it fails with
// sms.notConfigured; a code that lapsed before it could leave is not sent late.
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DbHandle } from '@/db/client';
import { jobs, smsMessages } from '@/db/schema';
import { CODE_TTL_MS } from '@/lib/debtor';
import { sealPhone } from '../domain/cases/seal';
import { JOB_HANDLERS } from '../jobs/handlers';
import { drainJobs } from '../jobs/queue';
import { decryptPii } from '../pii/crypto';
import { FAKE_ALIYUN_KEY_ID, FAKE_ALIYUN_SECRET, startFakeAliyun, type FakeAliyun } from '../testing/aliyun-sms';
import { createTestDb } from '../testing/db';
import { outboxProvider, type SmsProvider } from './provider';
import { queueSms, runSmsSendJob, sendQueuedSms, SMS_SEND_JOB } from './send';

let handle: DbHandle;
let fake: FakeAliyun;
beforeAll(async () => {
  handle = await createTestDb();
  fake = await startFakeAliyun();
});
afterAll(async () => {
  await fake.close();
  await handle.close();
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const SMS_ONLY = { [SMS_SEND_JOB]: runSmsSendJob };
let phoneSeq = 0;
const newPhone = () => `139${String(10_000_000 + (phoneSeq += 1)).slice(-8)}`;
const queueCode = (phone: string, code = '482913') =>
  handle.db.transaction((tx) =>
    queueSms(tx, { kind: 'debtor.code', to: sealPhone(phone), params: { code }, caseId: null }),
  );
const messageOf = async (id: string) => (await handle.db.select().from(smsMessages).where(eq(smsMessages.id, id)))[0];
const jobOf = async (id: string) => (await handle.db.select().from(jobs).where(eq(jobs.key, id)))[0];

const useAliyun = () => {
  vi.stubEnv('SMS_PROVIDER', 'aliyun');
  vi.stubEnv('SMS_ALIYUN_ENDPOINT', fake.endpoint);
  vi.stubEnv('SMS_ALIYUN_ACCESS_KEY_ID', FAKE_ALIYUN_KEY_ID);
  vi.stubEnv('SMS_ALIYUN_ACCESS_KEY_SECRET', FAKE_ALIYUN_SECRET);
  vi.stubEnv('SMS_SIGN_NAME', '阳光处置平台');
  vi.stubEnv('SMS_TEMPLATE_DEBTOR_CODE', 'SMS_1');
  vi.stubEnv('SMS_TEMPLATE_DEBTOR_PLAN_APPROVED', 'SMS_2');
  vi.stubEnv('SMS_TEMPLATE_DEBTOR_PLAN_PROPOSED', 'SMS_3');
  vi.stubEnv('SMS_TEMPLATE_DEBTOR_PLAN_DECIDED', 'SMS_4');
  vi.stubEnv('SMS_ALIYUN_TIMEOUT_MS', '2000');
};

describe('queueSms', () => {
  it('writes the sealed message and its job in the same transaction', async () => {
    const phone = newPhone();
    const { id } = await queueCode(phone);
    const m = await messageOf(id);
    expect(m).toMatchObject({
      kind: 'debtor.code',
      status: 'queued',
      attempts: 0,
      toMasked: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
    });
    expect(m?.toEnc).not.toContain(phone);
    expect(m?.paramsEnc).not.toContain('482913');
    expect(decryptPii(m?.toEnc ?? '')).toBe(phone);
    expect(JSON.parse(decryptPii(m?.paramsEnc ?? ''))).toEqual({ code: '482913' });
    // The job names the message only: no number, no code in the queue.
    expect(await jobOf(id)).toMatchObject({
      kind: SMS_SEND_JOB,
      payload: { messageId: id },
      status: 'queued',
      maxAttempts: 3,
    });
  });

  it('leaves neither the message nor the job when the transaction rolls back', async () => {
    let id = '';
    await expect(
      handle.db.transaction(async (tx) => {
        id = (
          await queueSms(tx, {
            kind: 'debtor.code',
            to: sealPhone(newPhone()),
            params: { code: '111111' },
            caseId: null,
          })
        ).id;
        throw new Error('the code request failed after');
      }),
    ).rejects.toThrow('the code request failed after');
    expect(id).not.toBe('');
    expect(await messageOf(id)).toBeUndefined();
    expect(await jobOf(id)).toBeUndefined();
  });

  it('refuses values that do not match the kind', async () => {
    await expect(
      handle.db.transaction((tx) =>
        queueSms(tx, {
          kind: 'debtor.planDecided',
          to: sealPhone(newPhone()),
          params: { contractNo: 'HT-1', answer: 'maybe' as 'approved' },
          caseId: null,
        }),
      ),
    ).rejects.toThrow();
  });
});

describe('the sms.send job', () => {
  it('is one the worker runs', () => {
    expect(JOB_HANDLERS[SMS_SEND_JOB]).toBe(runSmsSendJob);
  });

  it('marks the message sent through the outbox, once', async () => {
    const { id } = await queueCode(newPhone());
    expect(await drainJobs(handle.db, SMS_ONLY)).toBeGreaterThan(0);
    const m = await messageOf(id);
    expect(m).toMatchObject({ status: 'sent', provider: 'outbox', attempts: 1, error: null });
    expect(m?.providerRef).toMatch(/^outbox-/);
    expect(m?.sentAt).toBeInstanceOf(Date);
    expect((await jobOf(id))?.status).toBe('done');
    // A second run of the same job (a worker's lease ran out) sends nothing again.
    const send = vi.fn(outboxProvider.send);
    expect(await sendQueuedSms(handle.db, id, { provider: { name: 'outbox', send } })).toBe('skipped');
    expect(send).not.toHaveBeenCalled();
  });

  it('calls the provider with no transaction open, with the plain number and the whole text', async () => {
    const phone = newPhone();
    const { id } = await queueCode(phone, '907715');
    let seen: unknown = null;
    const provider: SmsProvider = {
      name: 'probe',
      send: async (m) => {
        // Another connection sees the try counted: the row is neither locked nor uncommitted.
        seen = { ...m, attempts: (await messageOf(id))?.attempts };
        return { ref: 'r-1' };
      },
    };
    expect(await sendQueuedSms(handle.db, id, { provider })).toBe('sent');
    expect(seen).toEqual({
      to: phone,
      kind: 'debtor.code',
      params: { code: '907715' },
      text: '【阳光处置平台】您的验证码为907715，5分钟内有效，请勿告诉他人。',
      attempts: 1,
    });
  });

  it('sends through Aliyun and keeps its BizId', async () => {
    useAliyun();
    const before = fake.received.length;
    const { id } = await queueCode(newPhone());
    await drainJobs(handle.db, SMS_ONLY);
    expect(fake.received[before]?.isSignatureValid).toBe(true);
    expect(await messageOf(id)).toMatchObject({
      status: 'sent',
      provider: 'aliyun',
      providerRef: `biz-${before + 1}`,
      attempts: 1,
    });
  });

  it('retries a throttled message with the queue’s backoff, then sends it', async () => {
    useAliyun();
    const { id } = await queueCode(newPhone());
    fake.answer({ kind: 'code', code: 'isv.BUSINESS_LIMIT_CONTROL' });
    const now = new Date();
    await drainJobs(handle.db, SMS_ONLY, { now: () => now });
    expect(await messageOf(id)).toMatchObject({ status: 'queued', attempts: 1, error: 'isv.BUSINESS_LIMIT_CONTROL' });
    const job = await jobOf(id);
    expect(job).toMatchObject({ status: 'queued', attempts: 1 });
    expect(job?.runAt.getTime()).toBe(now.getTime() + 30_000);
    // Not due yet; 30 s later it is, and goes.
    expect(await drainJobs(handle.db, SMS_ONLY, { now: () => now })).toBe(0);
    await drainJobs(handle.db, SMS_ONLY, { now: () => new Date(now.getTime() + 30_000) });
    expect(await messageOf(id)).toMatchObject({ status: 'sent', attempts: 2, error: null, provider: 'aliyun' });
  });

  it('fails a message still throttled after its last try, keeping the provider’s code', async () => {
    useAliyun();
    const { id } = await queueCode(newPhone());
    fake.answer(
      { kind: 'code', code: 'isv.BUSINESS_LIMIT_CONTROL' },
      { kind: 'status', status: 503 },
      { kind: 'code', code: 'isv.BUSINESS_LIMIT_CONTROL' },
    );
    const start = Date.now();
    for (const after of [0, 30_000, 150_000])
      await drainJobs(handle.db, SMS_ONLY, { now: () => new Date(start + after) });
    expect(await messageOf(id)).toMatchObject({ status: 'failed', attempts: 3, error: 'isv.BUSINESS_LIMIT_CONTROL' });
    // The message carries the failure; its job finished its work.
    expect((await jobOf(id))?.status).toBe('done');
  });

  it('fails at once on a code no retry can change, and the job is done', async () => {
    useAliyun();
    const { id } = await queueCode(newPhone());
    fake.answer({ kind: 'code', code: 'isv.MOBILE_NUMBER_ILLEGAL' });
    await drainJobs(handle.db, SMS_ONLY);
    expect(await messageOf(id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      error: 'isv.MOBILE_NUMBER_ILLEGAL',
      provider: 'aliyun',
    });
    expect((await jobOf(id))?.status).toBe('done');
  });

  it('retries a provider that timed out', async () => {
    useAliyun();
    vi.stubEnv('SMS_ALIYUN_TIMEOUT_MS', '300');
    const { id } = await queueCode(newPhone());
    fake.answer({ kind: 'hang' });
    await drainJobs(handle.db, SMS_ONLY);
    expect(await messageOf(id)).toMatchObject({ status: 'queued', attempts: 1, error: 'timeout' });
    expect((await jobOf(id))?.status).toBe('queued');
  });

  it('fails with sms.notConfigured when no provider is configured (production without SMS_PROVIDER)', async () => {
    vi.stubEnv('SMS_PROVIDER', 'aliyun'); // named but without its keys: as good as none
    const { id } = await queueCode(newPhone());
    await drainJobs(handle.db, SMS_ONLY);
    expect(await messageOf(id)).toMatchObject({
      status: 'failed',
      error: 'sms.notConfigured',
      provider: null,
      attempts: 1,
    });
    const other = await queueCode(newPhone());
    expect(await sendQueuedSms(handle.db, other.id, { provider: null })).toBe('failed');
    expect(await messageOf(other.id)).toMatchObject({ status: 'failed', error: 'sms.notConfigured' });
  });

  it('does not send a one-time code that lapsed before it could leave', async () => {
    const { id } = await queueCode(newPhone());
    const send = vi.fn(outboxProvider.send);
    const later = new Date(Date.now() + CODE_TTL_MS + 60_000);
    expect(await sendQueuedSms(handle.db, id, { provider: { name: 'outbox', send }, now: later })).toBe('failed');
    expect(send).not.toHaveBeenCalled();
    expect(await messageOf(id)).toMatchObject({ status: 'failed', error: 'sms.expired' });
  });
});
