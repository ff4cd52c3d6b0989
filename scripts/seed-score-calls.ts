// Demo call records for the scorecard (formula v3): last month 正信's dialer recorded its
// calls to 华信's debtors and a few messages; most were logged by the collector a few
// minutes later, three were not (shadow contacts), two logged calls have no record
// (phantom actions), one call was made after 22:00 (a machine-detected violation), and
// the platform's auditor and 正信's supervisor inspected some of them. Written straight into
// the tables, as the ingest, the rule check and the inspectors would leave them, before the
// month's scorecards are computed.
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import {
  callBatches,
  callChecks,
  callInspections,
  callRecords,
  caseActions,
  cases,
  users,
  type CaseRow,
} from '../db/schema';
import { monthEnd } from '../lib/months';

const userId = async (db: Db, email: string) => {
  const [user] = await db.select({ id: users.id, orgId: users.orgId }).from(users).where(eq(users.email, email));
  if (!user) throw new Error(`demo user ${email} missing`);
  return user;
};

type Held = { row: CaseRow; phone: CaseRow['phones'][number]; commissionId: string };

const NOTES = ['债务人接听，承诺月底前还款', '债务人称本周内先还一部分', '无人接听', '提醒还款日期，债务人表示知晓'];

export const seedScorecardCalls = async (db: Db, month: string) => {
  const admin = await userId(db, 'admin@zhengxin.demo.cn');
  const agency = { id: admin.orgId };
  const collector = await userId(db, 'collector@zhengxin.demo.cn');
  const supervisor = await userId(db, 'supervisor@zhengxin.demo.cn');
  const auditor = await userId(db, 'auditor@platform.demo.cn');
  const holding = await db
    .select()
    .from(cases)
    .where(and(eq(cases.agencyId, agency.id), isNotNull(cases.commissionId)))
    .orderBy(cases.contractNo)
    .limit(12);
  const rows = holding.flatMap((row) => {
    const phone = row.phones[0];
    return phone && row.commissionId ? [{ row, phone, commissionId: row.commissionId }] : [];
  });
  if (rows.length === 0) return;
  const [batch] = await db
    .insert(callBatches)
    .values({
      agencyId: agency.id,
      source: 'api',
      received: 0,
      stored: 0,
      duplicates: 0,
      matched: 0,
      unmatched: 0,
      createdBy: admin.id,
    })
    .returning();
  if (!batch) return;
  const lastDay = Number(monthEnd(month).slice(8));
  const at = (day: number, hhmm: string) =>
    new Date(`${month}-${String(Math.min(day, lastDay)).padStart(2, '0')}T${hhmm}:00+08:00`);
  const logged = ({ row, phone, commissionId }: Held, when: Date, channel: 'call' | 'sms', n: number) => {
    return {
      caseId: row.id,
      creditorId: row.creditorId,
      agencyId: agency.id,
      commissionId,
      actorId: collector.id,
      debtorIdx: row.idNumberIdx,
      channel,
      target: 'debtor' as const,
      phoneIdx: phone.idx,
      phoneMasked: phone.masked,
      outcome: 'answered' as const,
      note: channel === 'sms' ? '发送还款提醒短信' : (NOTES[n % NOTES.length] ?? ''),
      ruleVersion: 1,
      at: when,
    };
  };
  let n = 0;
  for (let day = 3; day <= 24; day += 1) {
    for (const hhmm of ['10:15', '15:40']) {
      n += 1;
      const held = rows[n % rows.length];
      if (!held) continue;
      const { row, phone } = held;
      const isSms = n % 9 === 0;
      // A call after 22:00, not logged; two more shadows by day.
      const isLate = n === 31;
      const started = isLate ? at(day, '22:05') : at(day, hhmm);
      const durationS = isSms ? 0 : 45 + ((n * 37) % 240);
      const [record] = await db
        .insert(callRecords)
        .values({
          agencyId: agency.id,
          batchId: batch.id,
          externalId: `ZX-DEMO-${month}-${n}`,
          kind: isSms ? 'sms' : 'call',
          direction: 'outbound',
          lineNo: '02088886600',
          partyEnc: phone.enc,
          partyIdx: phone.idx,
          partyMasked: phone.masked,
          startedAt: started,
          answeredAt: isSms ? null : started,
          endedAt: new Date(started.getTime() + durationS * 1000),
          durationS,
          disposition: isSms ? 'delivered' : 'answered',
          agentRef: 'ZX-A01',
          agentId: collector.id,
          body: isSms ? '【正信】您在华信的借款已逾期，请尽快还款或致电协商。' : null,
          caseId: row.id,
          creditorId: row.creditorId,
          commissionId: row.commissionId,
          target: 'debtor',
          partyNo: 0,
          debtorIdx: row.idNumberIdx,
        })
        .returning();
      if (!record) continue;
      await db.insert(callChecks).values({
        recordId: record.id,
        agencyId: agency.id,
        creditorId: row.creditorId,
        caseId: row.id,
        agentId: collector.id,
        startedAt: started,
        ruleVersion: 1,
        violations: isLate ? [{ rule: 'contactWindow', values: { from: '08:00', to: '22:00' } }] : [],
        flags: [],
      });
      if (!isLate && n !== 7 && n !== 22) {
        await db
          .insert(caseActions)
          .values(logged(held, new Date(started.getTime() + 4 * 60_000), isSms ? 'sms' : 'call', n));
      }
      if (n % 10 === 3) {
        await db.insert(callInspections).values({
          recordId: record.id,
          agencyId: agency.id,
          caseId: row.id,
          agentId: collector.id,
          formVersion: 1,
          side: n % 20 === 3 ? 'agency' : 'platform',
          inspectorOrgId: n % 20 === 3 ? agency.id : auditor.orgId,
          inspectorId: n % 20 === 3 ? supervisor.id : auditor.id,
          scores: [],
          scoreBp: 8_000 + ((n * 53) % 1_500),
          fatalFailed: [],
          note: '',
          sampleReason: 'random',
          createdAt: at(day + 1, '09:30'),
        });
      }
    }
  }
  // Two calls logged with no record of them: phantom actions.
  for (const [i, held] of rows.slice(0, 2).entries()) {
    await db.insert(caseActions).values(logged(held, at(12 + 7 * i, '11:20'), 'call', i));
  }
};
