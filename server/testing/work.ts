import { eq } from 'drizzle-orm';
import { pngPhoto } from '@/db/seed/evidence';
import { cases, commissions } from '@/db/schema';
import { overdueSinceFor } from '@/lib/cases';
import { DAY_MS, shanghaiDate, shanghaiInstant } from '@/lib/dates';
import { assignCases } from '../domain/cases/placement';
import { uploadFile } from '../domain/files/files';
import { decideRepayment, reportRepayment } from '../domain/money/repayments';
import { planVisit, recordVisit } from '../domain/work/visits';
import { bytesStream } from '../storage/ingest';
import { getBlobStore } from '../storage/store';
import { awardedToA, caseIdsOf } from './packages';
import { domainCaller, type World } from './world';

/** 10:00 today in Beijing: inside the contact window whatever the machine's clock says. */
export const morning = (hhmmss = '10:00:00', dayOffset = 0) => {
  const today = shanghaiDate(new Date(Date.now() + dayOffset * DAY_MS));
  return shanghaiInstant(`${today}T${hhmmss}`);
};

/** How overdue the cases tests work are, today. */
export const WORKED_DAYS_OVERDUE = 40;

/** A package awarded to agencyA with its cases assigned to agencyA's collector; the first case has two numbers. */
let made = 0;

export const workingCases = async (
  w: World,
  count = 6,
  prefix = `WK${process.pid}x${(made += 1)}`,
  terms: Record<string, unknown> = {},
) => {
  const { pkg } = await awardedToA(w, count, prefix, terms);
  const ids = await caseIdsOf(w, pkg.id);
  const supervisor = await domainCaller(w, 'agencyA.supervisor');
  await assignCases(w.db, supervisor, { caseIds: ids, collectorId: w.users['agencyA.collector'].id });
  // 40 days overdue today: every channel of the default stage policy is open, so the rule a
  // test is about is the one that answers (tests of the stage policy set their own days).
  await w.db
    .update(cases)
    .set({
      overdueFrom: overdueSinceFor(WORKED_DAYS_OVERDUE, shanghaiDate(new Date())),
      overdueSince: overdueSinceFor(WORKED_DAYS_OVERDUE, shanghaiDate(new Date())),
    })
    .where(eq(cases.packageId, pkg.id));
  const rows = await w.db.select().from(cases).where(eq(cases.packageId, pkg.id));
  const twoPhones = rows.find((r) => r.phones.length > 1) ?? rows[0];
  return { pkg, caseIds: ids, caseId: twoPhones?.id ?? '', row: twoPhones };
};

/** The package a case belongs to. */
export const packageOfCase = async (w: World, caseId: string) =>
  (await w.db.select({ p: cases.packageId }).from(cases).where(eq(cases.id, caseId)))[0]?.p ?? '';

/** Cases of a package that allows field visits, assigned to agencyA's collector. */
export const visitableCases = (w: World, count = 3) =>
  workingCases(w, count, `VS${process.pid}x${(made += 1)}`, {
    allowedChannels: ['phone', 'sms', 'letter', 'visit', 'email'],
  });

/** The day after tomorrow in Beijing, `YYYY-MM-DD`: a visit planned then lies ahead whatever the hour. */
export const dayAfterTomorrow = () => shanghaiDate(new Date(Date.now() + 2 * DAY_MS));

/** A zone where it is about noon now, so that contacts made at the real time fall inside the window. */
export const middayZone = (at = new Date()) => {
  let offset = 12 - at.getUTCHours();
  if (offset > 14) offset -= 24;
  if (offset < -12) offset += 24;
  // Etc/GMT zones count the other way round: UTC+5 is Etc/GMT-5.
  return offset === 0 ? 'UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
};

/** Moves a case's debtor to a zone where it is about noon, so contacts at the real time pass the window. */
export const inDaytimeZone = (w: World, caseId: string) =>
  w.db.update(cases).set({ timeZone: middayZone() }).where(eq(cases.id, caseId));

/** Moves the start of a package's commission term to the first of January, so repayments today fall inside it. */
export const startTermThisYear = (w: World, packageId: string) =>
  w.db
    .update(commissions)
    .set({ startsOn: `${shanghaiDate(new Date()).slice(0, 4)}-01-01` })
    .where(eq(commissions.packageId, packageId));

/** A case in a zone where it is daytime now, with a visit agencyA's collector planned (and recorded, if asked) and a photo uploaded for it. */
export const caseWithVisit = async (w: World, recorded: boolean) => {
  const { caseId } = await visitableCases(w, 2);
  await inDaytimeZone(w, caseId);
  const collector = await domainCaller(w, 'agencyA.collector');
  const staffIds = [w.users['agencyA.collector'].id, w.users['agencyA.supervisor'].id];
  const visit = await planVisit(w.db, collector, {
    caseId,
    date: dayAfterTomorrow(),
    time: '12:00',
    staffIds,
    address: '杭州市西湖区文三路 90 号',
    purpose: '',
  });
  if (recorded) await recordVisit(w.db, collector, { visitId: visit.id, outcome: 'unanswered', note: '无人应门' });
  const file = await uploadFile(w.db, collector, bytesStream(pngPhoto()), getBlobStore());
  return { caseId, visitId: visit.id, fileId: file.id };
};

/** A case of agencyA with a repayment its collector reported (and creditorA's manager confirmed, if asked). */
export const caseWithRepayment = async (w: World, confirmed: boolean) => {
  const { caseId } = await workingCases(w, 2);
  const collector = await domainCaller(w, 'agencyA.collector');
  const r = await reportRepayment(w.db, collector, {
    caseId,
    amount: 5_000,
    paidOn: shanghaiDate(new Date()),
    channel: 'alipay',
    payer: '本人',
    reference: 'AZ-1',
    note: '',
  });
  if (confirmed) {
    await decideRepayment(w.db, await domainCaller(w, 'creditorA.manager'), {
      repaymentId: r.id,
      confirm: true,
      note: '',
    });
  }
  return { caseId, repaymentId: r.id };
};
