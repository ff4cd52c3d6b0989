import { and, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '@/db/client';
import { REPAYMENT_CHANNELS, type RepaymentChannel } from '@/lib/enums';
import { MAX_REPAYMENT_IMPORT_ROWS, REPAYMENT_IMPORT_COLUMNS } from '@/lib/import-formats';
import { fenToYuan } from '@/lib/format';
import { cases, repayments, type CaseRow, type ImportSummary, type Repayment } from '@/db/schema';
import { DomainError } from '../../errors';
import type { BlobStore } from '../../storage/store';
import { TableError } from '../../tabular/errors';
import { columnLabel, headerMatcher, type ColumnDef, type HeaderMap } from '../cases/import-columns';
import { parseDate, yuanToFen, type CellError } from '../cases/import-row';
import { runTabularImport, type ImportBody, type ImportOptions } from '../cases/import-run';
import { notify } from '../notifications/notify';
import { emitEvent, subscribedOrgs } from '../webhooks/emit';
import { caseOfRef, casesOfRefs, refOfRow } from '../payments/refs';
import { amountDue, applyConfirmed, pendingOn } from './repayments';

// The creditor's repayment file (回款对账, DESIGN §3): what its loan system says came in.
// Each row confirms the agency's report of the same payment (contract number, amount and
// day; the transaction number when both have one), or is recorded as a direct payment the
// agency never reported. A row that could be either of two reports, names no case of the
// creditor, or pays more than is open is an error; one bad row and nothing lands. A row may
// name its case by the case's reference code (还款识别码) instead of, or as well as, its
// contract number: another creditor's code, an unknown one, or one naming another case than
// the row's contract number is an error of that row and column.

type Field = (typeof REPAYMENT_IMPORT_COLUMNS)[number]['field'];
const COLUMNS: readonly ColumnDef<Field>[] = REPAYMENT_IMPORT_COLUMNS;
export const matchRepaymentHeaders = headerMatcher(COLUMNS);

export type RepaymentRow = {
  contractNo: string;
  /** The case's reference code, and the column it was read from (its own, the remark or the note). */
  paymentRef: string | null;
  refField: 'paymentRef' | 'remark' | 'note' | null;
  amount: number;
  paidOn: string;
  reference: string;
  channel: RepaymentChannel;
  payer: string;
  note: string;
};

const LIMITS = { contractNo: 64, reference: 64, payer: 50, note: 200, paymentRef: 20, remark: 200 };

/** Channel names as loan systems write them, or the product's own codes. */
const CHANNEL_NAMES = new Map<string, RepaymentChannel>([
  ...REPAYMENT_CHANNELS.map((c) => [c, c] as const),
  ['银行转账', 'bank_transfer'],
  ['转账', 'bank_transfer'],
  ['银行卡', 'bank_transfer'],
  ['代扣', 'bank_transfer'],
  ['银行代扣', 'bank_transfer'],
  ['支付宝', 'alipay'],
  ['微信', 'wechat_pay'],
  ['微信支付', 'wechat_pay'],
  ['柜台', 'counter'],
  ['柜台缴款', 'counter'],
  ['现金', 'counter'],
  ['其他', 'other'],
]);

/** Checks one row of a repayment file; `today` is `YYYY-MM-DD` in Asia/Shanghai. */
export const validateRepaymentRow = (
  map: HeaderMap<Field>,
  cells: readonly string[],
  today: string,
): { value: RepaymentRow; errors: [] } | { value: null; errors: CellError[] } => {
  const errors: CellError[] = [];
  const byField = new Map<Field, string>();
  for (const [i, field] of map.fields) byField.set(field, (cells[i] ?? '').trim());
  const fail = (field: Field, code: CellError['code'], values?: CellError['values']) =>
    errors.push({ column: columnLabel(map, field, COLUMNS), code, ...(values ? { values } : {}) });
  const text = (field: Field, max: number): string => {
    const v = byField.get(field) ?? '';
    if ([...v].length > max) fail(field, 'tooLong', { max });
    return v;
  };
  const contractNo = text('contractNo', LIMITS.contractNo);
  // The reference code: its own column, else found in the transfer's remark or the note.
  const rawRef = text('paymentRef', LIMITS.paymentRef);
  const remark = text('remark', LIMITS.remark);
  const { paymentRef, refField } = refOfRow(rawRef, remark, byField.get('note') ?? '');
  if (rawRef !== '' && !paymentRef) fail('paymentRef', 'paymentRef', { value: rawRef });
  if (contractNo === '' && rawRef === '' && !paymentRef) fail('contractNo', 'caseRequired');
  const rawAmount = byField.get('amount') ?? '';
  const amount = yuanToFen(rawAmount);
  if (rawAmount === '') fail('amount', 'required');
  else if (amount === null) fail('amount', 'amount');
  else if (amount === 0) fail('amount', 'amountNotPositive');
  const rawDate = byField.get('paidOn') ?? '';
  const paidOn = parseDate(rawDate);
  if (rawDate === '') fail('paidOn', 'required');
  else if (!paidOn) fail('paidOn', 'date');
  else if (paidOn > today) fail('paidOn', 'dateInFuture');
  const rawChannel = byField.get('channel') ?? '';
  const channel = rawChannel === '' ? 'bank_transfer' : CHANNEL_NAMES.get(rawChannel.toLowerCase());
  if (!channel) fail('channel', 'channel', { value: rawChannel });
  const reference = text('reference', LIMITS.reference);
  const payer = text('payer', LIMITS.payer) || '本人';
  const note = text('note', LIMITS.note) || remark;
  if (errors.length > 0 || amount === null || !paidOn || !channel) return { value: null, errors };
  return {
    value: { contractNo, paymentRef, refField, amount, paidOn, reference, channel, payer, note },
    errors: [],
  };
};

type Candidate = Pick<Repayment, 'id' | 'amount' | 'paidOn' | 'reference' | 'status'>;
export type Match =
  | { kind: 'report'; id: string }
  | { kind: 'ambiguous'; count: number }
  | { kind: 'alreadyRecorded'; id: string }
  | { kind: 'direct' };

const samePayment = (row: Pick<RepaymentRow, 'amount' | 'paidOn'>, r: Candidate) =>
  r.amount === row.amount && r.paidOn === row.paidOn;
/** Transaction numbers tell payments apart only when both sides wrote one. */
const referencesAgree = (row: Pick<RepaymentRow, 'reference'>, r: Candidate) =>
  row.reference === '' || r.reference === '' || r.reference === row.reference;

/**
 * What one row of the file is, among the case's repayments not yet taken by earlier rows:
 * the one agency report of the same payment (its transaction number decides between
 * several), two or more it cannot tell apart, a payment already on record, or a direct
 * payment.
 */
export const matchRepayment = (
  row: Pick<RepaymentRow, 'amount' | 'paidOn' | 'reference'>,
  onCase: readonly Candidate[],
  taken: ReadonlySet<string>,
): Match => {
  const open = onCase.filter((r) => !taken.has(r.id) && samePayment(row, r) && referencesAgree(row, r));
  const reports = open.filter((r) => r.status === 'reported');
  const exact = row.reference === '' ? [] : reports.filter((r) => r.reference === row.reference);
  const chosen = exact.length === 1 ? exact : reports;
  if (chosen.length === 1 && chosen[0]) return { kind: 'report', id: chosen[0].id };
  if (chosen.length > 1) return { kind: 'ambiguous', count: chosen.length };
  const recorded = open.filter((r) => r.status === 'confirmed');
  const same = recorded.find((r) => row.reference !== '' && r.reference === row.reference) ?? recorded[0];
  return same ? { kind: 'alreadyRecorded', id: same.id } : { kind: 'direct' };
};

type Parsed = { row: number; value: RepaymentRow };
const LOOKUP_BATCH = 1000;
/** Cases written at once while a file lands. */
const WRITE_LANES = 8;

/** The creditor's cases named in the file, by contract number, locked: balances move under the case row. */
const loadCases = async (tx: Tx, creditorId: string, contractNos: string[]) => {
  const found = new Map<string, CaseRow>();
  for (let i = 0; i < contractNos.length; i += LOOKUP_BATCH) {
    const chunk = contractNos.slice(i, i + LOOKUP_BATCH);
    const rows = await tx
      .select()
      .from(cases)
      .where(and(eq(cases.creditorId, creditorId), inArray(cases.contractNo, chunk)))
      .orderBy(cases.id)
      .for('update');
    for (const c of rows) found.set(c.contractNo, c);
  }
  return found;
};

const loadCandidates = async (tx: DbOrTx, caseIds: string[]) => {
  const byCase = new Map<string, Repayment[]>();
  for (let i = 0; i < caseIds.length; i += LOOKUP_BATCH) {
    const rows = await tx
      .select()
      .from(repayments)
      .where(
        and(
          inArray(repayments.caseId, caseIds.slice(i, i + LOOKUP_BATCH)),
          inArray(repayments.status, ['reported', 'confirmed']),
        ),
      )
      .orderBy(repayments.createdAt, repayments.id);
    for (const r of rows) byCase.set(r.caseId, [...(byCase.get(r.caseId) ?? []), r]);
  }
  return byCase;
};

type Planned = { row: number; value: RepaymentRow; c: CaseRow; match: Extract<Match, { kind: 'report' | 'direct' }> };

type Checked = {
  parsed: Parsed[];
  contractHeader: string;
  amountHeader: string;
  refHeader: (field: 'paymentRef' | 'remark' | 'note') => string;
};

const REPAYMENT_BODY: ImportBody<Field, Checked> = {
  matchHeaders: matchRepaymentHeaders,
  audit: { landed: 'repayment.imported', failed: 'repayment.importFailed' },
  // Every row is read and checked first, outside the transaction: the file is matched as a whole.
  check: async (_db, { map, rows, today, fail, progress }) => {
    const contractHeader = columnLabel(map, 'contractNo', COLUMNS);
    const amountHeader = columnLabel(map, 'amount', COLUMNS);
    const parsed: Parsed[] = [];
    const firstRowOf = new Map<string, number>();
    let rowCount = 0;
    for (let next = await rows.next(); !next.done; next = await rows.next()) {
      const { row, cells } = next.value;
      rowCount += 1;
      if (rowCount > MAX_REPAYMENT_IMPORT_ROWS) throw new TableError('tooManyRows', MAX_REPAYMENT_IMPORT_ROWS);
      const result = validateRepaymentRow(map, cells, today);
      if (!result.value) {
        for (const e of result.errors) await fail(row, e);
      } else {
        const v = result.value;
        // Two rows of one payment: the same contract, amount and day, and no transaction numbers that tell them apart.
        const key = `${v.contractNo || `#${v.paymentRef}`}\u0000${v.amount}\u0000${v.paidOn}\u0000${v.reference}`;
        const earlier = firstRowOf.get(key);
        if (earlier !== undefined)
          await fail(row, { column: contractHeader, code: 'duplicatePayment', values: { row: earlier } });
        else {
          firstRowOf.set(key, row);
          parsed.push({ row, value: v });
        }
      }
      if (rowCount % 1000 === 0) await progress(rowCount);
    }
    const refHeader = (field: 'paymentRef' | 'remark' | 'note') => columnLabel(map, field, COLUMNS);
    return { rowCount, staged: { parsed, contractHeader, amountHeader, refHeader } };
  },
  // Then matched and written with the creditor's cases locked: balances move under the case row.
  land: async (tx, { imp, now, fail, errorCount, progress }, { parsed, contractHeader, amountHeader, refHeader }) => {
    // Rows carrying a reference code are that code's case: found among every creditor's
    // codes, so that another creditor's is told apart from a typo only by us, never the file.
    const refs = await casesOfRefs(tx, [
      ...new Set(parsed.flatMap((p) => (p.value.paymentRef ? [p.value.paymentRef] : []))),
    ]);
    const named = new Set(parsed.map((p) => p.value.contractNo).filter((n) => n !== ''));
    for (const r of refs.values()) if (r.creditorId === imp.creditorId) named.add(r.contractNo);
    const byContract = await loadCases(tx, imp.creditorId, [...named]);
    const byId = new Map([...byContract.values()].map((c) => [c.id, c]));
    const candidates = await loadCandidates(
      tx,
      [...byContract.values()].map((c) => c.id),
    );
    const taken = new Set<string>();
    const planned: Planned[] = [];
    const directOn = new Map<string, number>();
    const openCache = new Map<string, number>();
    let alreadyRecorded = 0;
    const firstOnCase = new Map<string, number>();
    for (const p of parsed) {
      let c = byContract.get(p.value.contractNo);
      if (p.value.paymentRef) {
        const found = caseOfRef(p.value, refs, imp.creditorId, byId, c);
        if ('code' in found) {
          await fail(p.row, { column: refHeader(p.value.refField ?? 'paymentRef'), ...found });
          continue;
        }
        c = found.c;
      }
      if (!c) {
        await fail(p.row, { column: contractHeader, code: 'caseNotFound', values: { value: p.value.contractNo } });
        continue;
      }
      // One payment named once by contract number and once by code: the same payment twice.
      const same = `${c.id}\u0000${p.value.amount}\u0000${p.value.paidOn}\u0000${p.value.reference}`;
      const first = firstOnCase.get(same);
      if (first !== undefined) {
        await fail(p.row, { column: contractHeader, code: 'duplicatePayment', values: { row: first } });
        continue;
      }
      firstOnCase.set(same, p.row);
      const match = matchRepayment(p.value, candidates.get(c.id) ?? [], taken);
      if (match.kind === 'ambiguous') {
        await fail(p.row, { column: contractHeader, code: 'ambiguousMatch', values: { count: match.count } });
        continue;
      }
      if (match.kind === 'alreadyRecorded') {
        taken.add(match.id);
        alreadyRecorded += 1;
        continue;
      }
      if (match.kind === 'report') {
        taken.add(match.id);
        planned.push({ ...p, c, match });
        continue;
      }
      // A direct payment must fit in what is still open: reports waiting for an answer hold their part.
      let open = openCache.get(c.id);
      if (open === undefined) {
        open = (await amountDue(tx, c)) - c.repaidAmount - (await pendingOn(tx, c.id));
        openCache.set(c.id, open);
      }
      const direct = (directOn.get(c.id) ?? 0) + p.value.amount;
      if (direct > open) {
        await fail(p.row, {
          column: amountHeader,
          code: 'exceedsBalance',
          values: { open: fenToYuan(Math.max(0, open - (directOn.get(c.id) ?? 0))) },
        });
        continue;
      }
      directOn.set(c.id, direct);
      planned.push({ ...p, c, match });
    }

    const summary: ImportSummary = { matched: 0, direct: 0, alreadyRecorded, amount: 0 };
    if (errorCount() > 0) return { landed: {}, after: {} };
    const note = (row: number) => `还款文件 ${imp.fileName} 第 ${row} 行`;
    const perAgency = new Map<string, { matched: number; direct: number }>();
    // Each confirmation is a repayment.confirmed for the sides that listen for it, as when the creditor confirms on screen.
    const listening = await subscribedOrgs(
      tx,
      'repayment.confirmed',
      planned.flatMap((p) => [p.c.creditorId, p.c.agencyId].filter((id): id is string => Boolean(id))),
    );
    const writeOne = async (p: Planned) => {
      // The case as it stands now: earlier rows of the file may have moved its balance.
      const [c] = await tx.select().from(cases).where(eq(cases.id, p.c.id));
      if (!c) throw new DomainError('repayment.notFound');
      let saved: Repayment | undefined;
      if (p.match.kind === 'report') {
        [saved] = await tx
          .update(repayments)
          .set({
            status: 'confirmed',
            decidedBy: imp.createdBy,
            decidedAt: now,
            decisionNote: note(p.row),
            importId: imp.id,
          })
          .where(and(eq(repayments.id, p.match.id), eq(repayments.status, 'reported')))
          .returning();
        summary.matched += 1;
      } else {
        [saved] = await tx
          .insert(repayments)
          .values({
            caseId: c.id,
            creditorId: c.creditorId,
            agencyId: c.agencyId,
            commissionId: c.commissionId,
            source: 'creditor',
            amount: p.value.amount,
            paidOn: p.value.paidOn,
            channel: p.value.channel,
            payer: p.value.payer,
            reference: p.value.reference,
            note: p.value.note,
            status: 'confirmed',
            reportedBy: imp.createdBy,
            createdAt: now,
            decidedBy: imp.createdBy,
            decidedAt: now,
            decisionNote: note(p.row),
            importId: imp.id,
          })
          .returning();
        summary.direct += 1;
      }
      if (!saved) throw new DomainError('repayment.decided');
      const caseStatus = await applyConfirmed(tx, saved, c, now);
      for (const orgId of new Set([c.creditorId, saved.agencyId]))
        if (orgId && listening.has(orgId))
          await emitEvent(tx, {
            orgId,
            type: 'repayment.confirmed',
            payload: { repaymentId: saved.id, caseId: c.id, amountFen: saved.amount, paidOn: saved.paidOn, caseStatus },
          });
      summary.amount += saved.amount;
      if (saved.agencyId) {
        const counts = perAgency.get(saved.agencyId) ?? { matched: 0, direct: 0 };
        counts[p.match.kind === 'report' ? 'matched' : 'direct'] += 1;
        perAgency.set(saved.agencyId, counts);
      }
      await progress(summary.matched + summary.direct);
    };
    // The rows of one case are written in file order; different cases do not touch each
    // other's rows, so a few are written at once (their statements share the transaction's
    // connection, pipelined, instead of waiting for one another's round trips).
    const byCase = new Map<string, Planned[]>();
    for (const p of planned) {
      const rowsOfCase = byCase.get(p.c.id);
      if (rowsOfCase) rowsOfCase.push(p);
      else byCase.set(p.c.id, [p]);
    }
    const queue = [...byCase.values()];
    const lane = async () => {
      for (let rowsOfCase = queue.shift(); rowsOfCase; rowsOfCase = queue.shift())
        for (const p of rowsOfCase) await writeOne(p);
    };
    await Promise.all(Array.from({ length: WRITE_LANES }, lane));
    for (const [agencyId, counts] of perAgency) {
      await notify(
        tx,
        { orgId: agencyId, roles: ['admin', 'supervisor'] },
        'repayment.imported',
        { matched: String(counts.matched), direct: String(counts.direct) },
        '/agency/money',
      );
    }
    return { landed: { summary }, after: { ...summary } };
  },
};

/** Runs one repayment file of a creditor (the queued job). */
export const runRepaymentImport = async (
  db: Db,
  importId: string,
  store: BlobStore,
  options: ImportOptions = {},
): Promise<void> => runTabularImport(db, importId, store, REPAYMENT_BODY, options);
