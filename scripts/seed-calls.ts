// Demo call records (话单) for the inspection queues: 正信's dialer sent, through the same
// ingest and rule check as any dialer, a call whose transcript threatens the debtor's
// family (a forbidden phrase, with its recording), one placed at night (outside the contact
// window), one to the debtor whose family complained, and clean ones. The inspection
// queues of 正信 and of the platform show them.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { callRecordings, callRecords, cases } from '../db/schema';
import { wavRecording } from '../db/seed/evidence';
import { shanghaiDate, shanghaiInstant } from '../lib/dates';
import type { Caller } from '../server/auth/actor';
import { checkCallBatch } from '../server/domain/calls/check';
import { ingestCallRecords } from '../server/domain/calls/ingest';
import { ZCallItem, type CallItem } from '../server/domain/calls/items';
import { uploadFile } from '../server/domain/files/files';
import { decryptPii } from '../server/pii/crypto';
import { bytesStream } from '../server/storage/ingest';
import { getBlobStore } from '../server/storage/store';

const DAY = 86_400_000;

type DemoCall = {
  caseId: string;
  days: number;
  hhmm: string;
  durationS: number;
  transcript: string;
  hasRecording?: boolean;
};

export const seedInspectionCalls = async (
  db: Db,
  supervisor: Caller,
  caseIds: { assigned: string[]; complained: string | null },
  collectorId: string,
  now: number,
) => {
  const [a, b, c, d, e] = caseIds.assigned;
  if (!a || !b || !c || !d || !e) return;
  const calls: DemoCall[] = [
    {
      caseId: a,
      days: -1,
      hhmm: '15:20',
      durationS: 184,
      transcript:
        '催收员：王先生，您的欠款已经逾期四十多天了。借款人：我最近确实困难。催收员：再不还钱我们就找人收拾你，上门找你家里人，让你邻居都知道你欠钱不还。',
      hasRecording: true,
    },
    {
      caseId: b,
      days: -1,
      hhmm: '22:40',
      durationS: 62,
      transcript: '催收员：您好，提醒您本期账单已逾期，请尽快安排还款。借款人：这么晚了还打电话？',
    },
    {
      caseId: caseIds.complained ?? c,
      days: -2,
      hhmm: '10:05',
      durationS: 96,
      transcript: '催收员：您好，关于您的逾期款项，想和您确认一下还款计划。借款人：我家里人已经投诉你们了。',
    },
    {
      caseId: d,
      days: -2,
      hhmm: '14:30',
      durationS: 143,
      transcript:
        '催收员：您好，这里是上海正信，受华信消费金融委托，和您核对逾期金额。借款人：好的，我下周一还一部分。',
    },
    {
      caseId: e,
      days: -3,
      hhmm: '11:12',
      durationS: 75,
      transcript: '催收员：您好，提醒您按约还款，如有困难可以申请分期。借款人：好的，谢谢。',
    },
  ];
  const items: CallItem[] = [];
  for (const [i, call] of calls.entries()) {
    const [k] = await db.select({ phones: cases.phones }).from(cases).where(eq(cases.id, call.caseId));
    const phone = k?.phones[0];
    if (!phone) continue;
    const startedAt = shanghaiInstant(`${shanghaiDate(new Date(now + call.days * DAY))}T${call.hhmm}:00`);
    const answeredAt = new Date(startedAt.getTime() + 9_000);
    items.push(
      ZCallItem.parse({
        id: `ZX-CDR-${String(i + 1).padStart(6, '0')}`,
        line: '021-61234567',
        party: decryptPii(phone.enc),
        startedAt: startedAt.toISOString(),
        answeredAt: answeredAt.toISOString(),
        endedAt: new Date(answeredAt.getTime() + call.durationS * 1000).toISOString(),
        durationS: call.durationS,
        disposition: 'answered',
        agent: collectorId,
        transcript: call.transcript,
      }),
    );
  }
  const batch = await ingestCallRecords(db, supervisor, items, { kind: 'api' });
  await checkCallBatch(db, batch.batchId);
  const [threat] = await db
    .select({ id: callRecords.id })
    .from(callRecords)
    .where(and(eq(callRecords.agencyId, supervisor.actor.orgId), eq(callRecords.externalId, 'ZX-CDR-000001')));
  if (threat) {
    const file = await uploadFile(db, supervisor, bytesStream(wavRecording(4, 300)), getBlobStore());
    await db.insert(callRecordings).values({
      recordId: threat.id,
      agencyId: supervisor.actor.orgId,
      fileId: file.id,
      attachedBy: supervisor.actor.userId,
    });
  }
};
