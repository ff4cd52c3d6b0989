// Demo call records for the scorecard (formula v3): last month 正信's dialer sent its calls
// to 华信's debtors, through the same ingest and rule check as any
// dialer; most were logged by the collector a few minutes later, three were not (shadow
// contacts), two logged calls have no record (phantom actions), one call was made after
// 22:00 (a violation the check finds), and the platform's auditor and 正信's supervisor
// inspected some of them on the current form. All before the month's scorecards are computed.
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { callRecords, cases } from '../db/schema';
import { monthEnd } from '../lib/months';
import { checkCallBatch } from '../server/domain/calls/check';
import { currentForm } from '../server/domain/calls/inspection-forms';
import { ingestCallRecords } from '../server/domain/calls/ingest';
import { inspectCall } from '../server/domain/calls/inspections';
import { ZCallItem, type CallItem } from '../server/domain/calls/items';
import { logAction } from '../server/domain/work/actions';
import { decryptPii } from '../server/pii/crypto';
import { callerFor } from './demo-caller';

const NOTES = ['债务人接听，承诺月底前还款', '债务人称本周内先还一部分', '无人接听', '提醒还款日期，债务人表示知晓'];

type Planned = {
  item: CallItem;
  caseId: string;
  logged: boolean;
  inspectedBy: 'agency' | 'platform' | null;
};

export const seedScorecardCalls = async (db: Db, month: string) => {
  const supervisor = await callerFor(db, 'supervisor@zhengxin.demo.cn');
  const collector = await callerFor(db, 'collector@zhengxin.demo.cn');
  const auditor = await callerFor(db, 'auditor@platform.demo.cn');
  // The collector's own cases: the calls are theirs to log.
  const held = await db
    .select({ id: cases.id, phones: cases.phones })
    .from(cases)
    .where(
      and(
        eq(cases.agencyId, supervisor.actor.orgId),
        eq(cases.collectorId, collector.actor.userId),
        isNotNull(cases.commissionId),
      ),
    )
    .orderBy(cases.contractNo)
    .limit(12);
  const rows = held.flatMap((row) => (row.phones[0] ? [{ id: row.id, party: decryptPii(row.phones[0].enc) }] : []));
  if (rows.length === 0) return;
  const lastDay = Number(monthEnd(month).slice(8));
  const at = (day: number, hhmm: string) =>
    new Date(`${month}-${String(Math.min(day, lastDay)).padStart(2, '0')}T${hhmm}:00+08:00`);
  const planned: Planned[] = [];
  let n = 0;
  for (let day = 3; day <= 24; day += 1) {
    for (const hhmm of ['10:15', '15:40']) {
      n += 1;
      const target = rows[n % rows.length];
      if (!target) continue;
      // A call after 22:00, not logged; two more shadows by day.
      const isLate = n === 31;
      const started = isLate ? at(day, '22:05') : at(day, hhmm);
      const durationS = 45 + ((n * 37) % 240);
      planned.push({
        caseId: target.id,
        logged: !isLate && n !== 7 && n !== 22,
        inspectedBy: n % 10 === 3 ? (n % 20 === 3 ? 'agency' : 'platform') : null,
        item: ZCallItem.parse({
          id: `ZX-DEMO-${month}-${n}`,
          line: '020-88886600',
          party: target.party,
          startedAt: started.toISOString(),
          answeredAt: started.toISOString(),
          endedAt: new Date(started.getTime() + durationS * 1000).toISOString(),
          durationS,
          disposition: 'answered',
          agent: collector.actor.userId,
        }),
      });
    }
  }
  const batch = await ingestCallRecords(
    db,
    supervisor,
    planned.map((p) => p.item),
    { kind: 'api' },
  );
  await checkCallBatch(db, batch.batchId);
  const logs = [
    ...planned.flatMap((p, i) =>
      p.logged
        ? [
            {
              caseId: p.caseId,
              channel: 'call' as const,
              note: NOTES[i % NOTES.length] ?? '',
              at: new Date(Date.parse(p.item.startedAt) + 4 * 60_000),
            },
          ]
        : [],
    ),
    // Two calls logged with no record of them: phantom actions.
    ...rows.slice(0, 2).map((r, i) => ({
      caseId: r.id,
      channel: 'call' as const,
      note: NOTES[i] ?? '',
      at: at(12 + 7 * i, '11:20'),
    })),
  ];
  for (const log of logs.sort((a, b) => a.at.getTime() - b.at.getTime()))
    await logAction(
      db,
      collector,
      { caseId: log.caseId, channel: log.channel, target: 'debtor', index: 0, outcome: 'answered', note: log.note },
      log.at,
    );
  // Inspected the next morning on the current form: most criteria passed, now and then one missed.
  const form = await currentForm(db);
  const inspected = planned.filter((p) => p.inspectedBy);
  const ids = new Map(
    (
      await db
        .select({ id: callRecords.id, externalId: callRecords.externalId })
        .from(callRecords)
        .where(
          and(
            eq(callRecords.agencyId, supervisor.actor.orgId),
            inArray(
              callRecords.externalId,
              inspected.map((p) => p.item.id),
            ),
          ),
        )
    ).map((r) => [r.externalId, r.id]),
  );
  for (const [i, p] of inspected.entries()) {
    const recordId = ids.get(p.item.id);
    if (!recordId) continue;
    const missed = form.criteria.filter((c) => !c.fatal)[i % 3];
    await inspectCall(
      db,
      p.inspectedBy === 'agency' ? supervisor : auditor,
      {
        recordId,
        formVersion: form.version,
        scores: form.criteria.map((c) =>
          c.key === missed?.key
            ? { key: c.key, passed: false, note: '未达标，已与催收员复盘' }
            : { key: c.key, passed: true, note: '' },
        ),
        note: missed ? '个别评分项未达标，已与催收员复盘' : '',
      },
      new Date(Date.parse(p.item.startedAt) + 86_400_000),
    );
  }
};
