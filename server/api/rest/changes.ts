import { z } from 'zod';
import {
  CASE_UPDATE_COLUMNS,
  MAX_UPDATE_CONTACTS,
  REPAYMENT_IMPORT_COLUMNS,
  MAX_CASE_UPDATE_ROWS,
  MAX_REPAYMENT_IMPORT_ROWS,
} from '@/lib/import-formats';
import { REPAYMENT_CHANNELS } from '@/lib/enums';
import { csvLine, yuanOf, type BatchKind } from './batch-import';

// Changes to cases already placed (balances, numbers added or retired, address, contacts) and
// repayments from the creditor's loan system, as JSON batches run through the update file's
// and the repayment file's own imports (batch-import.ts): the same rules, all or nothing.

const fen = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const text = z.string().max(1000);
const MAX_API_CHANGES = 10_000;

export const ZCaseUpdateItem = z.strictObject({
  contractNo: text,
  principalOutstanding: fen.optional().describe('fen (分)'),
  amountOverdue: fen.optional().describe('fen (分)'),
  addPhones: z.array(text).max(5).optional(),
  retirePhones: z.array(text).max(5).optional(),
  address: text.optional(),
  addContacts: z
    .array(z.strictObject({ name: text, relation: text, phone: text }))
    .max(MAX_UPDATE_CONTACTS)
    .optional(),
});
export type TCaseUpdateItem = z.infer<typeof ZCaseUpdateItem>;

const UPDATE_FIELD: Record<string, string> = {
  contract_no: 'contractNo',
  principal_outstanding: 'principalOutstanding',
  amount_overdue: 'amountOverdue',
  new_phone: 'addPhones',
  retired_phone: 'retirePhones',
  address: 'address',
};

export const CASE_UPDATES: BatchKind<TCaseUpdateItem> = {
  item: ZCaseUpdateItem,
  maxItems: Math.min(MAX_API_CHANGES, MAX_CASE_UPDATE_ROWS),
  toFile: (items) => {
    const contactCount = Math.max(0, ...items.map((i) => i.addContacts?.length ?? 0));
    const contactHeaders = Array.from({ length: contactCount }, (_, n) =>
      ['name', 'relation', 'phone'].map((part) => `contact${n + 1}_${part}`),
    ).flat();
    const header = csvLine([...CASE_UPDATE_COLUMNS.map((c) => c.alias), ...contactHeaders]);
    return (
      header +
      items
        .map((i) => {
          const cells: Record<string, string> = {
            contract_no: i.contractNo,
            principal_outstanding: i.principalOutstanding === undefined ? '' : yuanOf(i.principalOutstanding),
            amount_overdue: i.amountOverdue === undefined ? '' : yuanOf(i.amountOverdue),
            new_phone: (i.addPhones ?? []).join(';'),
            retired_phone: (i.retirePhones ?? []).join(';'),
            address: i.address ?? '',
          };
          const contacts = Array.from({ length: contactCount }, (_, n) => {
            const c = i.addContacts?.[n];
            return [c?.name ?? '', c?.relation ?? '', c?.phone ?? ''];
          }).flat();
          return csvLine([...CASE_UPDATE_COLUMNS.map((c) => cells[c.alias] ?? ''), ...contacts]);
        })
        .join('')
    );
  },
  pointerOf: (column) => {
    const field = UPDATE_FIELD[column];
    if (field) return `/${field}`;
    const contact = /^contact(\d)_(name|relation|phone)$/.exec(column);
    return contact ? `/addContacts/${Number(contact[1]) - 1}/${contact[2]}` : '';
  },
  start: (api, file) => api.cases.updates.start(file),
  get: (api, importId) => api.cases.updates.get({ importId }),
  path: (id) => `/creditor/update-imports/${id}`,
  fileName: 'api-case-updates',
  countKey: 'updated',
};

export const ZCreditorRepaymentItem = z
  .strictObject({
    contractNo: text.optional().describe('the case’s contract number; may be left out when paymentRef names the case'),
    paymentRef: text
      .optional()
      .describe('the case’s reference code (还款识别码) shown on the debtor’s page, e.g. KX7M-Q4PD: names the case'),
    remark: text.optional().describe('the transfer’s remark (附言): a reference code inside it names the case'),
    amount: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).describe('fen (分)'),
    paidOn: z.iso.date(),
    reference: text.optional().describe('the transaction number: matches an agency’s report that carries it'),
    channel: z.enum(REPAYMENT_CHANNELS).optional(),
    payer: text.optional(),
    note: text.optional(),
  })
  .refine((i) => Boolean(i.contractNo || i.paymentRef || i.remark), {
    error: 'contractNo, paymentRef or a remark carrying the reference code names the case',
    path: ['contractNo'],
  });
export type TCreditorRepaymentItem = z.infer<typeof ZCreditorRepaymentItem>;

const REPAYMENT_FIELD: Record<string, string> = {
  contract_no: 'contractNo',
  amount: 'amount',
  paid_on: 'paidOn',
  reference: 'reference',
  channel: 'channel',
  payer: 'payer',
  note: 'note',
  payment_ref: 'paymentRef',
  remark: 'remark',
};

export const CREDITOR_REPAYMENTS: BatchKind<TCreditorRepaymentItem> = {
  item: ZCreditorRepaymentItem,
  maxItems: Math.min(MAX_API_CHANGES, MAX_REPAYMENT_IMPORT_ROWS),
  toFile: (items) =>
    csvLine(REPAYMENT_IMPORT_COLUMNS.map((c) => c.alias)) +
    items
      .map((i) => {
        const cells: Record<string, string> = {
          contract_no: i.contractNo ?? '',
          amount: yuanOf(i.amount),
          paid_on: i.paidOn,
          reference: i.reference ?? '',
          channel: i.channel ?? '',
          payer: i.payer ?? '',
          note: i.note ?? '',
          payment_ref: i.paymentRef ?? '',
          remark: i.remark ?? '',
        };
        return csvLine(REPAYMENT_IMPORT_COLUMNS.map((c) => cells[c.alias] ?? ''));
      })
      .join(''),
  pointerOf: (column) => (REPAYMENT_FIELD[column] ? `/${REPAYMENT_FIELD[column]}` : ''),
  start: (api, file) => api.repayments.imports.start(file),
  get: (api, importId) => api.repayments.imports.get({ importId }),
  path: (id) => `/creditor/repayment-imports/${id}`,
  fileName: 'api-repayments',
  countKey: 'recorded',
};
