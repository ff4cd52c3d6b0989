// Demo marketplace data, made through the product's own domain functions: 华信 imports a
// case file and puts three packages out — one open for bids, one closed with two bids
// waiting for its award, one awarded to 正信 whose cases are partly assigned, one of them
// visited (with a flag for the missing video) and visited again tomorrow, two with
// repayments (one confirmed last month, one waiting for the creditor); 华信 rated 正信 for
// last month, 正信's dialer sent last month's call records (seed-score-calls.ts), and the
// scorecards of the last three months are computed as the monthly job would have.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { caseImports, cases, storedFiles, users } from '../db/schema';
import { sampleCaseRows, toCsv } from '../db/seed/case-file';
import type { Caller } from '../server/auth/actor';
import { runImport } from '../server/domain/cases/case-import';
import { filePublicComplaint } from '../server/domain/complaints/file';
import { startImport } from '../server/domain/cases/imports';
import { listAgencyCases } from '../server/domain/cases/case-lists';
import { assignCases } from '../server/domain/cases/placement';
import { awardPackage } from '../server/domain/packages/award';
import { closeIfDue, submitBid } from '../server/domain/packages/bids';
import { createPackage, openPackage, saveTerms, type PackageTerms } from '../server/domain/packages/packages';
import { computeScorecards } from '../server/domain/scorecards/compute';
import { computeCreditorScorecards } from '../server/domain/scorecards/creditor-compute';
import { rateCreditor } from '../server/domain/scorecards/creditor-ratings';
import { addMonths, monthEnd, monthOf } from '../lib/months';
import { rateAgency } from '../server/domain/scorecards/ratings';
import { seedScorecardCalls } from './seed-score-calls';
import { callerFor } from './demo-caller';
import { shanghaiDate, shanghaiInstant } from '../lib/dates';
import { pngPhoto, wavRecording } from '../db/seed/evidence';
import { uploadFile } from '../server/domain/files/files';
import { decideRepayment, reportRepayment } from '../server/domain/money/repayments';
import { checkCallBatch } from '../server/domain/calls/check';
import { ingestCallRecords } from '../server/domain/calls/ingest';
import { ZCallItem, type CallItem } from '../server/domain/calls/items';
import { logAction } from '../server/domain/work/actions';
import { decryptPii } from '../server/pii/crypto';
import { attachEvidence, flagMissingVisitEvidence, planVisit, recordVisit } from '../server/domain/work/visits';
import { bytesStream, ingest } from '../server/storage/ingest';
import { getBlobStore } from '../server/storage/store';
import { seedInspectionCalls } from './seed-calls';

const DAY = 86_400_000;

const terms = (now: number, closesInDays: number, overrides: Partial<PackageTerms> = {}): PackageTerms => ({
  commissionStart: shanghaiDate(new Date(now + (closesInDays + 1) * DAY)),
  commissionEnd: shanghaiDate(new Date(now + (closesInDays + 181) * DAY)),
  reserveFeeBp: 3000,
  expectedRecoveryBp: 1500,
  minTier: null,
  minScore: null,
  bidderCircle: 'all',
  invitedAgencyIds: [],
  closesAt: new Date(now + closesInDays * DAY),
  allowedChannels: ['phone', 'sms', 'letter'],
  maxReductionBp: 2000,
  maxInstalments: 12,
  stagePolicy: null,
  instalmentGraceDays: 3,
  ...overrides,
});

const bid = (feeBp: number, plan: string) => ({
  feeBp,
  expectedRecoveryBp: 1600,
  plan,
  teamSize: 40,
  provinces: ['44', '33', '31'],
});

/** `hhmm` Beijing time `days` days from `now` (negative: in the past), as its date and the instant. */
const beijing = (now: number, days: number, hhmm: string) => {
  const date = shanghaiDate(new Date(now + days * DAY));
  return { date, at: shanghaiInstant(`${date}T${hhmm}:00`) };
};

/**
 * Two field visits on one of 正信's cases: one the day before yesterday, recorded with a
 * photo and a recording but no video, so the 24-hour check flags it; one planned for
 * tomorrow.
 */
const seedVisits = async (db: Db, supervisor: Caller, caseId: string, collectorId: string, now: number) => {
  const staffIds = [collectorId, supervisor.actor.userId];
  const past = beijing(now, -2, '10:00');
  const done = await planVisit(
    db,
    supervisor,
    {
      caseId,
      date: past.date,
      time: '10:00',
      staffIds,
      address: '北京市海淀区中关村大街 27 号 3 单元',
      purpose: '核实居住情况，当面协商还款',
    },
    new Date(past.at.getTime() - DAY),
  );
  await recordVisit(
    db,
    supervisor,
    { visitId: done.id, outcome: 'hardship', note: '见到本人，称近期失业，愿意申请分期' },
    new Date(past.at.getTime() + 20 * 60_000),
  );
  for (const [i, [bytes, name]] of (
    [
      [pngPhoto(320, 240, 5), '楼栋门牌.png'],
      [wavRecording(3, 330), '现场录音.wav'],
    ] as const
  ).entries()) {
    const file = await uploadFile(db, supervisor, bytesStream(bytes), getBlobStore());
    await attachEvidence(
      db,
      supervisor,
      { visitId: done.id, fileId: file.id, fileName: name },
      new Date(past.at.getTime() + (60 + i) * 60_000),
    );
  }
  await flagMissingVisitEvidence(db, new Date(now));
  const next = beijing(now, 1, '15:00');
  await planVisit(
    db,
    supervisor,
    {
      caseId,
      date: next.date,
      time: '15:00',
      staffIds,
      address: '北京市海淀区中关村大街 27 号 3 单元',
      purpose: '签署分期还款协议',
    },
    new Date(now),
  );
};

/**
 * Repayments on two of 正信's cases: one paid on the last day of last month and confirmed
 * (it earns commission for last month's statement), one paid today and waiting for the
 * creditor.
 */
const seedRepayments = async (db: Db, agency: Caller, creditor: Caller, caseIds: string[], now: number) => {
  const [confirmedCase, waitingCase] = caseIds;
  const today = shanghaiDate(new Date(now));
  const lastMonthEnd = monthEnd(addMonths(monthOf(new Date(now)), -1));
  if (confirmedCase) {
    const r = await reportRepayment(
      db,
      agency,
      {
        caseId: confirmedCase,
        amount: 150_000,
        paidOn: lastMonthEnd,
        channel: 'bank_transfer',
        payer: '本人',
        reference: '6222020200001234567',
        note: '',
      },
      shanghaiInstant(`${lastMonthEnd}T15:00:00`),
    );
    await decideRepayment(
      db,
      creditor,
      { repaymentId: r.id, confirm: true, note: '已到账' },
      shanghaiInstant(`${lastMonthEnd}T17:00:00`),
    );
  }
  if (waitingCase) {
    await reportRepayment(
      db,
      agency,
      {
        caseId: waitingCase,
        amount: 80_000,
        paidOn: today,
        channel: 'wechat_pay',
        payer: '配偶 代付',
        reference: '4200001234202611230001',
        note: '家属代还',
      },
      new Date(now),
    );
  }
};

/**
 * A debtor's complaint about late-night calls, filed on the public page two days ago and
 * not yet acknowledged: the staff list shows it overdue.
 */
const seedComplaint = async (db: Db, caseId: string, now: number) => {
  const [c] = await db
    .select({ contractNo: cases.contractNo, debtorName: cases.debtorName, idNumberMasked: cases.idNumberMasked })
    .from(cases)
    .where(eq(cases.id, caseId));
  if (!c) return;
  await filePublicComplaint(
    db,
    { ip: null, userAgent: 'demo seed' },
    {
      contractNo: c.contractNo,
      debtorName: c.debtorName,
      idLast4: c.idNumberMasked.slice(-4),
      relation: 'family',
      complainantName: '借款人之妻',
      contactPhone: '13800138000',
      category: 'harassment',
      description: '最近一周几乎每天晚上 10 点以后还有催收电话打到家里，一天打七八次，孩子都被吵醒了。',
      evidence: [],
    },
    new Date(now - 2 * DAY),
  );
};

/**
 * 华信's rating of 正信 for last month (the commission ran all of it) and 正信's rating of
 * 华信's case files, and every admitted agency's and creditor's scorecards of the last
 * three months, oldest first so each weighs the ones before.
 */
const seedScorecards = async (db: Db, creditor: Caller, agency: Caller, now: number) => {
  const last = addMonths(monthOf(new Date(now)), -1);
  await rateAgency(
    db,
    creditor,
    {
      agencyId: agency.actor.orgId,
      month: last,
      rating: 4,
      comment: '回款稳定，每周按时报送进展；有一次外访录像补传较晚。',
    },
    new Date(now),
  );
  await rateCreditor(
    db,
    agency,
    {
      creditorId: creditor.actor.orgId,
      month: last,
      rating: 2,
      comment: '约两成号码为空号，不少案件缺联系人；个别余额未扣减上月还款。',
    },
    new Date(now),
  );
  await seedScorecardCalls(db, last);
  for (const month of [addMonths(last, -2), addMonths(last, -1), last]) {
    await computeScorecards(db, month, new Date(now));
    await computeCreditorScorecards(db, month, new Date(now));
  }
};

/**
 * 正信's dialer has been connected for a week: one call a day to six of 郑磊's cases, each
 * logged by him, except a 22:01 call yesterday nobody logged (outside the contact window,
 * a shadow call), an afternoon call yesterday he did not log either, a call whose
 * transcript threatens to tell the debtor's employer, and a call he logged three days ago
 * that the dialer never recorded (a phantom action).
 */
const seedCalls = async (db: Db, supervisor: Caller, caseIds: readonly string[], now: number) => {
  const collector = await callerFor(db, 'collector@zhengxin.demo.cn');
  const rows = await db.select({ id: cases.id, phones: cases.phones }).from(cases);
  const numberOf = new Map(rows.map((r) => [r.id, r.phones[0] ? decryptPii(r.phones[0].enc) : '']));
  const today = shanghaiDate(new Date(now));
  const at = (daysAgo: number, hhmm: string) =>
    shanghaiInstant(
      `${shanghaiDate(new Date(shanghaiInstant(`${today}T12:00:00`).getTime() - daysAgo * DAY))}T${hhmm}:00`,
    );
  for (let daysAgo = 7; daysAgo >= 1; daysAgo -= 1) {
    const items: CallItem[] = [];
    const logs: { caseId: string; at: Date; answered: boolean }[] = [];
    caseIds.forEach((caseId, i) => {
      const party = numberOf.get(caseId) ?? '';
      if (!party) return;
      const start = at(daysAgo, `${10 + i}:${String((daysAgo * 7) % 60).padStart(2, '0')}`);
      const isThreat = daysAgo === 2 && i === 1;
      const answered = (i + daysAgo) % 3 !== 0 || isThreat;
      const isPhantom = daysAgo === 3 && i === 2;
      const isUnlogged = daysAgo === 1 && i === 3;
      if (!isPhantom)
        items.push(
          ZCallItem.parse({
            id: `ZX-${shanghaiDate(start)}-${i}`,
            line: '0571-86001234',
            party,
            startedAt: start.toISOString(),
            ...(answered ? { answeredAt: new Date(start.getTime() + 8_000).toISOString() } : {}),
            endedAt: new Date(start.getTime() + (answered ? 150_000 : 40_000)).toISOString(),
            disposition: answered ? 'answered' : 'no_answer',
            agent: 'collector@zhengxin.demo.cn',
            ...(isThreat ? { transcript: '你这个月再不还，我们就通知你单位，让你同事都知道你欠钱不还。' } : {}),
          }),
        );
      if (!isUnlogged) logs.push({ caseId, at: new Date(start.getTime() + (answered ? 200_000 : 60_000)), answered });
    });
    if (daysAgo === 1 && caseIds[0]) {
      const party = numberOf.get(caseIds[0]) ?? '';
      items.push(
        ZCallItem.parse({
          id: `ZX-${shanghaiDate(at(1, '22:01'))}-late`,
          line: '0571-86001234',
          party,
          startedAt: at(1, '22:01').toISOString(),
          endedAt: new Date(at(1, '22:01').getTime() + 30_000).toISOString(),
          disposition: 'no_answer',
          agent: 'collector@zhengxin.demo.cn',
        }),
      );
    }
    const batch = await ingestCallRecords(db, supervisor, items, { kind: 'api' });
    await checkCallBatch(db, batch.batchId);
    for (const log of logs)
      await logAction(
        db,
        collector,
        {
          caseId: log.caseId,
          channel: 'call',
          target: 'debtor',
          index: 0,
          outcome: log.answered ? 'answered' : 'unanswered',
          note: log.answered ? '债务人接听，称本月底前还款' : '',
        },
        log.at,
      );
  }
};

export const seedMarket = async (db: Db) => {
  const creditor = await callerFor(db, 'manager@huaxin.demo.cn');
  const existing = await db
    .select({ id: caseImports.id })
    .from(caseImports)
    .where(eq(caseImports.creditorId, creditor.actor.orgId))
    .limit(1);
  if (existing.length > 0) return { seeded: false };
  const store = getBlobStore();
  const stored = await ingest(
    bytesStream(new TextEncoder().encode(`\uFEFF${toCsv(sampleCaseRows(160, 'HX2026'))}`)),
    store,
  );
  const [file] = await db
    .insert(storedFiles)
    .values({ orgId: creditor.actor.orgId, uploadedBy: creditor.actor.userId, ...stored })
    .returning({ id: storedFiles.id });
  if (!file) throw new Error('demo case file not stored');
  const imp = await startImport(db, creditor, { fileId: file.id, fileName: '华信-2026年11月逾期案件.csv' });
  await runImport(db, imp.id, store);

  const now = Date.now();
  const past = now - 4 * DAY;
  const zhengxin = await callerFor(db, 'admin@zhengxin.demo.cn');
  const mingli = await callerFor(db, 'admin@mingli.demo.cn');

  // Awarded a month ago to 正信, half of its cases assigned to 郑磊.
  const awarded = await createPackage(db, creditor, {
    name: '华信 2026-10 M4–M6 包',
    source: { kind: 'filter', buckets: [4, 5, 6] },
  });
  const monthAgo = now - 35 * DAY;
  await saveTerms(
    db,
    creditor,
    awarded.id,
    terms(monthAgo, 3, { allowedChannels: ['phone', 'sms', 'letter', 'visit'] }),
    new Date(monthAgo),
  );
  await openPackage(db, creditor, awarded.id, new Date(monthAgo));
  const won = await submitBid(
    db,
    zhengxin,
    awarded.id,
    bid(2300, '以电话和短信为主，M5 以上发函；每周向委托方报送回款与投诉情况。'),
    new Date(monthAgo + DAY),
  );
  await db.transaction((tx) => closeIfDue(tx, awarded.id, new Date(monthAgo + 4 * DAY)));
  await awardPackage(
    db,
    creditor,
    awarded.id,
    [{ bidId: won.bid.id, share: { kind: 'all' } }],
    new Date(monthAgo + 4 * DAY),
  );

  // Closed yesterday with two bids: the creditor's next step is the award.
  const closed = await createPackage(db, creditor, {
    name: '华信 2026-11 M7+ 包',
    source: { kind: 'filter', buckets: [7, 8, 9, 10, 11, 12] },
  });
  await saveTerms(db, creditor, closed.id, terms(past, 3), new Date(past));
  await openPackage(db, creditor, closed.id, new Date(past));
  await submitBid(
    db,
    zhengxin,
    closed.id,
    bid(2800, '组建 20 人长账龄专组，电话、信函、律师函逐级推进，每月报送回款与投诉。'),
    new Date(past + DAY),
  );
  await submitBid(
    db,
    mingli,
    closed.id,
    bid(3200, '律所团队以律师函与诉前调解为主，重点川渝地区，必要时发起诉讼。'),
    new Date(past + 2 * DAY),
  );
  await db.transaction((tx) => closeIfDue(tx, closed.id, new Date(now)));

  // Open for another three days.
  const open = await createPackage(db, creditor, {
    name: '华信 2026-11 M1–M3 包',
    source: { kind: 'filter', buckets: [1, 2, 3] },
  });
  await saveTerms(db, creditor, open.id, terms(now, 3, { minTier: 'B' }), new Date(now));
  await openPackage(db, creditor, open.id, new Date(now));

  const supervisor = await callerFor(db, 'supervisor@zhengxin.demo.cn');
  const [collector] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'collector@zhengxin.demo.cn'));
  // By contract number, so that every seeding picks the same cases: the lower half
  // assigned, the first visited, the next two repaid.
  const mine = (await listAgencyCases(db, supervisor, { limit: 200 })).items.sort((a, b) =>
    a.contractNo.localeCompare(b.contractNo),
  );
  if (collector)
    await assignCases(db, supervisor, {
      caseIds: mine.slice(0, Math.ceil(mine.length / 2)).map((c) => c.id),
      collectorId: collector.id,
    });
  const first = mine[0];
  if (first && collector) await seedVisits(db, supervisor, first.id, collector.id, now);
  await seedRepayments(
    db,
    supervisor,
    creditor,
    mine.slice(1, 3).map((c) => c.id),
    now,
  );
  const fourth = mine[3];
  if (fourth) await seedComplaint(db, fourth.id, now);
  const half = Math.ceil(mine.length / 2);
  await seedCalls(
    db,
    supervisor,
    mine.slice(Math.max(4, half - 6), half).map((c) => c.id),
    now,
  );
  if (collector)
    await seedInspectionCalls(
      db,
      supervisor,
      { assigned: mine.slice(4, Math.ceil(mine.length / 2)).map((c) => c.id), complained: fourth?.id ?? null },
      collector.id,
      now,
    );
  await seedScorecards(db, creditor, zhengxin, now);
  return { seeded: true };
};
