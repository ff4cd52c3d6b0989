// Demo call records (话单) of 正信's dialer on its assigned cases of the last three days,
// written as ingest stores them, with the rule check's verdict: one call whose transcript
// threatens the debtor's family (a forbidden phrase, with its recording), one placed at
// night (a hard rule broken), one to the debtor whose family complained, one drawn in the
// random share, and clean ones. The inspection queues of 正信 and of the platform show them.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import {
  callBatches,
  callChecks,
  callRecordings,
  callRecords,
  cases,
  type CallFlag,
  type CallViolation,
} from '../db/schema';
import { wavRecording } from '../db/seed/evidence';
import { shanghaiDate, shanghaiInstant } from '../lib/dates';
import type { Caller } from '../server/auth/actor';
import { isRandomSample } from '../server/domain/calls/inspection-sample';
import { uploadFile } from '../server/domain/files/files';
import { bytesStream } from '../server/storage/ingest';
import { getBlobStore } from '../server/storage/store';

const DAY = 86_400_000;

type DemoCall = {
  caseId: string;
  days: number;
  hhmm: string;
  durationS: number;
  transcript: string;
  violations?: CallViolation[];
  flags?: CallFlag[];
  isRandom?: boolean;
  hasRecording?: boolean;
};

const idFor = (isRandom: boolean) => {
  for (;;) {
    const id = randomUUID();
    if (isRandomSample(id) === isRandom) return id;
  }
};

export const seedCalls = async (
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
        '催收员：王先生，您的欠款已经逾期四十多天了。借款人：我最近确实困难。催收员：再不还钱我们就上门找你家里人，让你邻居都知道你欠钱不还。',
      flags: [{ rule: 'forbiddenPhrase', values: { phrase: '上门找你家里人' } }],
      hasRecording: true,
    },
    {
      caseId: b,
      days: -1,
      hhmm: '22:40',
      durationS: 62,
      transcript: '催收员：您好，提醒您本期账单已逾期，请尽快安排还款。借款人：这么晚了还打电话？',
      violations: [{ rule: 'callHours', values: { hour: 22 } }],
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
      isRandom: true,
    },
    {
      caseId: e,
      days: -3,
      hhmm: '11:12',
      durationS: 75,
      transcript: '催收员：您好，提醒您按约还款，如有困难可以申请分期。借款人：好的，谢谢。',
    },
  ];
  const agencyId = supervisor.actor.orgId;
  const [batch] = await db
    .insert(callBatches)
    .values({
      agencyId,
      source: 'api',
      received: calls.length,
      stored: calls.length,
      duplicates: 0,
      matched: calls.length,
      unmatched: 0,
      createdBy: supervisor.actor.userId,
      createdAt: new Date(now - DAY / 2),
    })
    .returning({ id: callBatches.id });
  if (!batch) return;
  for (const [i, call] of calls.entries()) {
    const [k] = await db.select().from(cases).where(eq(cases.id, call.caseId));
    const phone = k?.phones[0];
    if (!k || !phone) continue;
    const startedAt = shanghaiInstant(`${shanghaiDate(new Date(now + call.days * DAY))}T${call.hhmm}:00`);
    const answeredAt = new Date(startedAt.getTime() + 9_000);
    const [record] = await db
      .insert(callRecords)
      .values({
        id: idFor(call.isRandom ?? false),
        agencyId,
        batchId: batch.id,
        externalId: `ZX-CDR-${String(i + 1).padStart(6, '0')}`,
        kind: 'call',
        direction: 'outbound',
        lineNo: '02161234567',
        partyEnc: phone.enc,
        partyIdx: phone.idx,
        partyMasked: phone.masked,
        startedAt,
        answeredAt,
        endedAt: new Date(answeredAt.getTime() + call.durationS * 1000),
        durationS: call.durationS,
        disposition: 'answered',
        agentRef: collectorId,
        agentId: collectorId,
        transcript: call.transcript,
        caseId: k.id,
        creditorId: k.creditorId,
        commissionId: k.commissionId,
        target: 'debtor',
        partyNo: 0,
        debtorIdx: k.idNumberIdx,
        receivedAt: new Date(now - DAY / 2),
      })
      .returning();
    if (!record) continue;
    await db.insert(callChecks).values({
      recordId: record.id,
      agencyId,
      creditorId: k.creditorId,
      caseId: k.id,
      agentId: collectorId,
      startedAt,
      ruleVersion: 1,
      violations: call.violations ?? [],
      flags: call.flags ?? [],
    });
    if (call.hasRecording) {
      const file = await uploadFile(db, supervisor, bytesStream(wavRecording(4, 300)), getBlobStore());
      await db.insert(callRecordings).values({
        recordId: record.id,
        agencyId,
        fileId: file.id,
        attachedBy: supervisor.actor.userId,
      });
    }
  }
};
