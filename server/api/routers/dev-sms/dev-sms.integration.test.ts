// The SMS outbox for developers and the browser tests (/dev/sms): anyone may read it while
// the outbox is the provider (nothing leaves the machine), newest first, each message whole
// with its one-time code, found by the last 4 digits of its number, a page at a time. With
// a real provider it does not exist: NOT_FOUND.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DbHandle } from '@/db/client';
import { sealPhone } from '../../../domain/cases/seal';
import { queueSms } from '../../../sms/send';
import { createTestDb } from '../../../testing/db';
import { callerAs } from '../../../testing/world';

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
  // Three codes and a plan notice, one transaction each, oldest first.
  for (const [phone, code] of [
    ['13800001111', '111111'],
    ['13800002222', '222222'],
    ['13900001111', '333333'],
  ] as const)
    await handle.db.transaction((tx) =>
      queueSms(tx, { kind: 'debtor.code', to: sealPhone(phone), params: { code }, caseId: null }),
    );
  await handle.db.transaction((tx) =>
    queueSms(tx, {
      kind: 'debtor.planDecided',
      to: sealPhone('13700003333'),
      params: { contractNo: 'HT-2026-9', answer: 'approved' },
      caseId: null,
    }),
  );
});
afterAll(async () => {
  await handle.close();
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const anonymous = () => callerAs(handle.db, null);

describe('devSms.list', () => {
  it('lists every message newest first, whole, to anyone', async () => {
    const page = await (await anonymous()).devSms.list({ limit: 10 });
    expect(page.items.map((m) => [m.kind, m.toMasked, m.status])).toEqual([
      ['debtor.planDecided', '137****3333', 'queued'],
      ['debtor.code', '139****1111', 'queued'],
      ['debtor.code', '138****2222', 'queued'],
      ['debtor.code', '138****1111', 'queued'],
    ]);
    expect(page.items[0]?.text).toBe(
      '【阳光处置平台】债权人已同意您为合同HT-2026-9申请的还款方案，详情请登录债务人页面查看。',
    );
    expect(page.items[3]?.text).toBe('【阳光处置平台】您的验证码为111111，5分钟内有效，请勿告诉他人。');
    expect(page.nextCursor).toBeNull();
    // The plain number never leaves: only its masked form.
    expect(JSON.stringify(page)).not.toContain('13800001111');
  });

  it('finds a number’s messages by its last 4 digits', async () => {
    const page = await (await anonymous()).devSms.list({ limit: 10, last4: '1111' });
    expect(page.items.map((m) => m.text.match(/\d{6}/)?.[0])).toEqual(['333333', '111111']);
    await expect((await anonymous()).devSms.list({ limit: 10, last4: '11' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect((await anonymous()).devSms.list({ limit: 10, last4: "1'--" })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('pages by (time, id) without skipping or repeating a message', async () => {
    const caller = await anonymous();
    const first = await caller.devSms.list({ limit: 3 });
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).not.toBeNull();
    const second = await caller.devSms.list({ limit: 3, cursor: first.nextCursor });
    expect(second.items.map((m) => m.toMasked)).toEqual(['138****1111']);
    expect(second.nextCursor).toBeNull();
    await expect(caller.devSms.list({ limit: 3, cursor: 'forged' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('does not exist with a real provider: NOT_FOUND', async () => {
    vi.stubEnv('SMS_PROVIDER', 'aliyun');
    await expect((await anonymous()).devSms.list({ limit: 10 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    vi.stubEnv('SMS_PROVIDER', '');
    vi.stubEnv('NODE_ENV', 'production');
    await expect((await anonymous()).devSms.list({ limit: 10 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
