import { z } from 'zod';
import { ZImportView } from '../../routers/cases/cases.schema';
import { runBatch, type BatchKind } from '../batch-import';
import { CASE_UPDATES, CREDITOR_REPAYMENTS, ZCaseUpdateItem, ZCreditorRepaymentItem } from '../changes';
import { endpoint, type Text } from '../endpoint';
import { MAX_BATCH_ITEMS, PLACEMENT, ZBatchBody, ZPlacementItem, ZQueued } from '../placement';
import { errorResponses } from './shared';

// What a creditor's loan system sends in batches: cases to place, changes to cases placed,
// repayments it received. Each batch runs through the import of the file the screens take
// for the same thing (batch-import.ts) and is followed at its import's URL.

const ZImportParams = z.strictObject({ importId: z.uuid() });
const ZImportRef = ZQueued.shape.import;
const batchOf = (item: z.ZodType, max: number) => z.strictObject({ items: z.array(item).min(1).max(max) });

const batchResponses = (written: Text, countKey: string) => ({
  201: { description: written, schema: z.object({ [countKey]: z.number().int(), import: ZImportRef }) },
  202: { description: { zh: '已排队导入', en: 'Queued as an import' }, schema: ZQueued },
  413: { description: { zh: '批次过大', en: 'Batch too large' } },
  422: { description: { zh: '有项目不合格，整批未写入', en: 'Bad items; nothing written' } },
});

/** A batch endpoint: the body is checked item by item and runs through `kind`'s file import. */
const batchEndpoint = <T>(e: {
  path: string;
  operationId: string;
  scope: 'cases:write' | 'repayments:write';
  summary: Text;
  description: Text;
  kind: BatchKind<T>;
  item: z.ZodType;
  example: unknown;
  maxBody: number;
  written: Text;
}) =>
  endpoint({
    method: 'POST',
    path: e.path,
    operationId: e.operationId,
    tag: 'creditor',
    orgType: 'creditor',
    scope: e.scope,
    summary: e.summary,
    description: e.description,
    body: ZBatchBody,
    documentedBody: batchOf(e.item, e.kind.maxItems),
    example: e.example,
    isIdempotent: true,
    maxBody: e.maxBody,
    responses: batchResponses(e.written, e.kind.countKey),
    handle: (ctx) => runBatch(e.kind, ctx),
  });

const followImport = (
  path: string,
  operationId: string,
  scope: 'cases:write' | 'repayments:write',
  summary: Text,
  get: 'cases' | 'updates' | 'repayments',
) =>
  endpoint({
    method: 'GET',
    path,
    operationId,
    tag: 'creditor',
    orgType: 'creditor',
    scope,
    summary,
    description: {
      zh: '状态、进度和前 200 个错误（行号从 2 起，第 1 行是表头，即批次第 0 项）。',
      en: 'Status, progress and the first 200 errors (rows count from 2: row 1 is the header, row 2 the batch’s item 0).',
    },
    params: ZImportParams,
    responses: { 200: { description: { zh: '导入', en: 'The import' }, schema: ZImportView } },
    handle: async ({ api, params }) => ({
      body:
        get === 'cases'
          ? await api.cases.imports.get(params)
          : get === 'updates'
            ? await api.cases.updates.get(params)
            : await api.repayments.imports.get(params),
    }),
  });

const example = {
  items: [
    {
      contractNo: 'HT202612030001',
      debtorName: '王伟',
      idNumber: '440305196001010006',
      phones: ['13800000000'],
      loanAmount: 500000,
      principalOutstanding: 300000,
      amountOverdue: 120350,
      daysOverdue: 45,
      loanDate: '2025-01-15',
      product: '消费贷',
      province: '广东',
      city: '深圳市',
      contacts: [{ name: '刘静', relation: '配偶', phone: '13700000000' }],
    },
  ],
};

export const creditorBatchEndpoints = [
  batchEndpoint({
    path: '/creditor/cases/batch',
    operationId: 'placeCases',
    scope: 'cases:write',
    summary: { zh: '批量导入案件', en: 'Place a batch of cases' },
    description: {
      zh: `一次最多 ${MAX_BATCH_ITEMS.toLocaleString('en')} 个案件，规则与上传案件文件相同：每项都检查、身份证号和手机号加密保存，有一项不合格则整批不写入，并按序号和字段列出每个错误。金额单位为分。2,000 个以内的批次在写入后答复 201；更大的批次排队导入，答复 202 和导入的地址。带 Idempotency-Key 头重试时返回第一次的答复。`,
      en: `Up to ${MAX_BATCH_ITEMS.toLocaleString('en')} cases, under the rules of the case file upload: every item checked, ID and phone numbers stored encrypted, nothing written if any item is bad, and every bad item named by index and field. Amounts in fen (分). Batches of up to 2,000 are answered 201 once written; larger ones are queued as an import and answered 202 with its URL. A retry with the same Idempotency-Key gets the first answer.`,
    },
    kind: PLACEMENT,
    item: ZPlacementItem,
    example,
    maxBody: 32 * 1024 * 1024,
    written: { zh: '已写入', en: 'Placed' },
  }),
  followImport(
    '/creditor/imports/{importId}',
    'getImport',
    'cases:write',
    { zh: '查看案件导入', en: 'Read a case import' },
    'cases',
  ),
  batchEndpoint({
    path: '/creditor/cases/updates',
    operationId: 'updateCases',
    scope: 'cases:write',
    summary: { zh: '批量更新案件', en: 'Update cases in a batch' },
    description: {
      zh: '余额、新增或停用号码、地址、新增联系人，规则与上传更新文件相同：案件须是本机构的、未结清未结案，号码不能重复，逾期金额不能低于已确认的还款；有一项不合格则整批不写入。每项改动都记入案件的变更记录。金额单位为分。',
      en: 'Balances, numbers added or retired, address, contacts added, under the rules of the update file: the case must be yours and open, a number not already the debtor’s, the overdue amount not below what was confirmed repaid; nothing written if any item is bad. Every change goes on the case’s change history. Amounts in fen.',
    },
    kind: CASE_UPDATES,
    item: ZCaseUpdateItem,
    example: {
      items: [
        { contractNo: 'HT202612030001', principalOutstanding: 280000, amountOverdue: 115000 },
        { contractNo: 'HT202612030002', addPhones: ['13600000000'], retirePhones: ['13900000000'] },
      ],
    },
    maxBody: 16 * 1024 * 1024,
    written: { zh: '已更新', en: 'Updated' },
  }),
  followImport(
    '/creditor/update-imports/{importId}',
    'getUpdateImport',
    'cases:write',
    { zh: '查看更新导入', en: 'Read an update import' },
    'updates',
  ),
  batchEndpoint({
    path: '/creditor/repayments/batch',
    operationId: 'recordRepayments',
    scope: 'repayments:write',
    summary: { zh: '批量登记还款', en: 'Record repayments in a batch' },
    description: {
      zh: '贷后系统收到的还款，规则与上传还款文件相同：按合同编号、金额、日期（和流水号）匹配机构报告的还款并确认，其余记为直接还款；有一项不合格则整批不写入。金额单位为分。',
      en: 'Repayments the loan system received, under the rules of the repayment file: matched to the agency’s reports by contract number, amount and day (and transaction number) and confirmed, the rest recorded as direct payments; nothing written if any item is bad. Amounts in fen.',
    },
    kind: CREDITOR_REPAYMENTS,
    item: ZCreditorRepaymentItem,
    example: {
      items: [
        {
          contractNo: 'HT202612030001',
          amount: 150000,
          paidOn: '2026-12-02',
          reference: '6222020200001234567',
          channel: 'bank_transfer',
        },
      ],
    },
    maxBody: 16 * 1024 * 1024,
    written: { zh: '已登记', en: 'Recorded' },
  }),
  followImport(
    '/creditor/repayment-imports/{importId}',
    'getRepaymentImport',
    'repayments:write',
    { zh: '查看还款导入', en: 'Read a repayment import' },
    'repayments',
  ),
].map((e) => ({ ...e, responses: { ...errorResponses, ...e.responses } }));
