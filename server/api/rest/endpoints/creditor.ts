import { z } from 'zod';
import { CASE_STATUSES, PACKAGE_STATUSES, PROVINCES } from '@/lib/enums';
import { ZCaseList, ZImportView, ZRecallInput, ZRecallResult } from '../../routers/cases/cases.schema';
import { ZCreditorPackage, ZPackageList } from '../../routers/packages/packages.schema';
import { ZRecordActions, ZRecordCase, ZRecordRepayments, ZRecordVisits } from '../../routers/record/record.schema';
import { endpoint } from '../endpoint';
import { placeBatch, ZPlacementBody, ZPlaced, ZQueued, MAX_BATCH_ITEMS } from '../placement';
import { ZCaseParams, ZCursorQuery, errorResponses, queryInt } from './shared';

// What a creditor's loan system does over the API: place cases, follow their import, list
// cases and read each one's record, recall cases, list packages.

const ZCasesQuery = z.strictObject({
  status: z.enum(CASE_STATUSES).optional(),
  bucket: queryInt(0, 12).optional(),
  province: z.enum(PROVINCES).optional(),
  packageId: z.uuid().optional(),
  importId: z.uuid().optional(),
  contractNo: z.string().trim().min(1).max(64).optional(),
  cursor: z.string().max(200).optional(),
  limit: queryInt(1, 200).default(50),
});

const ZImportParams = z.strictObject({ importId: z.uuid() });
const ZPackageParams = z.strictObject({ packageId: z.uuid() });
const ZPackagesQuery = ZCursorQuery.extend({ status: z.enum(PACKAGE_STATUSES).optional() });

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

export const creditorEndpoints = [
  endpoint({
    method: 'POST',
    path: '/creditor/cases/batch',
    operationId: 'placeCases',
    tag: 'creditor',
    orgType: 'creditor',
    scope: 'cases:write',
    summary: { zh: '批量导入案件', en: 'Place a batch of cases' },
    description: {
      zh: `一次最多 ${MAX_BATCH_ITEMS.toLocaleString('en')} 个案件，规则与上传案件文件相同：每项都检查、身份证号和手机号加密保存，有一项不合格则整批不写入，并按序号和字段列出每个错误。金额单位为分。2,000 个以内的批次在写入后答复 201；更大的批次排队导入，答复 202 和导入的地址。带 Idempotency-Key 头重试时返回第一次的答复。`,
      en: `Up to ${MAX_BATCH_ITEMS.toLocaleString('en')} cases, under the rules of the case file upload: every item checked, ID and phone numbers stored encrypted, nothing written if any item is bad, and every bad item named by index and field. Amounts in fen (分). Batches of up to 2,000 are answered 201 once written; larger ones are queued as an import and answered 202 with its URL. A retry with the same Idempotency-Key gets the first answer.`,
    },
    body: ZPlacementBody,
    example,
    isIdempotent: true,
    maxBody: 32 * 1024 * 1024,
    responses: {
      201: { description: { zh: '已写入', en: 'Placed' }, schema: ZPlaced },
      202: { description: { zh: '已排队导入', en: 'Queued as an import' }, schema: ZQueued },
      413: { description: { zh: '批次过大', en: 'Batch too large' } },
      422: { description: { zh: '有案件不合格，整批未写入', en: 'Bad items; nothing written' } },
    },
    handle: (ctx) => placeBatch(ctx),
  }),
  endpoint({
    method: 'GET',
    path: '/creditor/imports/{importId}',
    operationId: 'getImport',
    tag: 'creditor',
    orgType: 'creditor',
    scope: 'cases:write',
    summary: { zh: '查看一次导入', en: 'Read an import' },
    description: {
      zh: '导入的状态、进度和前 200 个错误（行号从 2 起，第 1 行是表头）。',
      en: 'Status, progress and the first 200 errors of an import (rows count from 2; row 1 is the header).',
    },
    params: ZImportParams,
    responses: { 200: { description: { zh: '导入', en: 'The import' }, schema: ZImportView } },
    handle: async ({ api, params }) => ({ body: await api.cases.imports.get(params) }),
  }),
  endpoint({
    method: 'GET',
    path: '/creditor/cases',
    operationId: 'listCases',
    tag: 'creditor',
    orgType: 'creditor',
    scope: 'cases:read',
    summary: { zh: '案件列表', en: 'List cases' },
    description: {
      zh: '按状态、账龄、省份、资产包、导入或合同编号筛选；用上一页的 nextCursor 取下一页。证件号和手机号已脱敏。',
      en: 'Filter by status, bucket, province, package, import or contract number; pass the previous page’s nextCursor for the next. ID and phone numbers masked.',
    },
    query: ZCasesQuery,
    responses: { 200: { description: { zh: '一页案件', en: 'A page of cases' }, schema: ZCaseList } },
    handle: async ({ api, query }) => ({ body: await api.cases.list(query) }),
  }),
  endpoint({
    method: 'GET',
    path: '/creditor/cases/{caseId}',
    operationId: 'getCase',
    tag: 'creditor',
    orgType: 'creditor',
    scope: 'cases:read',
    summary: { zh: '案件档案', en: 'A case’s record' },
    params: ZCaseParams,
    responses: { 200: { description: { zh: '案件', en: 'The case' }, schema: ZRecordCase } },
    handle: async ({ api, params }) => ({ body: await api.record.case(params) }),
  }),
  endpoint({
    method: 'GET',
    path: '/creditor/cases/{caseId}/actions',
    operationId: 'listCaseActions',
    tag: 'creditor',
    orgType: 'creditor',
    scope: 'cases:read',
    summary: { zh: '案件的催记', en: 'A case’s actions' },
    description: { zh: '所有机构的催收记录，最新在前。', en: 'Every agency’s actions on the case, newest first.' },
    params: ZCaseParams,
    query: ZCursorQuery,
    responses: { 200: { description: { zh: '一页催记', en: 'A page of actions' }, schema: ZRecordActions } },
    handle: async ({ api, params, query }) => ({ body: await api.record.actions({ ...params, ...query }) }),
  }),
  endpoint({
    method: 'GET',
    path: '/creditor/cases/{caseId}/visits',
    operationId: 'listCaseVisits',
    tag: 'creditor',
    orgType: 'creditor',
    scope: 'cases:read',
    summary: { zh: '案件的外访', en: 'A case’s field visits' },
    params: ZCaseParams,
    responses: { 200: { description: { zh: '外访', en: 'Visits' }, schema: ZRecordVisits } },
    handle: async ({ api, params }) => ({ body: await api.record.visits(params) }),
  }),
  endpoint({
    method: 'GET',
    path: '/creditor/cases/{caseId}/repayments',
    operationId: 'listCaseRepayments',
    tag: 'creditor',
    orgType: 'creditor',
    scope: 'cases:read',
    summary: { zh: '案件的还款', en: 'A case’s repayments' },
    params: ZCaseParams,
    responses: { 200: { description: { zh: '还款', en: 'Repayments' }, schema: ZRecordRepayments } },
    handle: async ({ api, params }) => ({ body: await api.record.repayments(params) }),
  }),
  endpoint({
    method: 'POST',
    path: '/creditor/cases/recall',
    operationId: 'recallCases',
    tag: 'creditor',
    orgType: 'creditor',
    scope: 'cases:write',
    summary: { zh: '收回案件', en: 'Recall cases' },
    description: {
      zh: '从机构收回指定案件（最多 1,000 个）或一个委托的全部案件，需写明原因。',
      en: 'Takes chosen cases (up to 1,000) or a whole commission back from its agency, with a reason.',
    },
    body: ZRecallInput,
    example: { caseIds: ['0193a5c2-0000-7000-8000-000000000001'], reason: '债务人已向我行直接还款' },
    isIdempotent: true,
    responses: { 200: { description: { zh: '收回的案件数', en: 'Cases recalled' }, schema: ZRecallResult } },
    handle: async ({ api, body }) => ({ body: await api.cases.recall(body) }),
  }),
  endpoint({
    method: 'GET',
    path: '/creditor/packages',
    operationId: 'listPackages',
    tag: 'creditor',
    orgType: 'creditor',
    scope: 'packages:read',
    summary: { zh: '资产包列表', en: 'List packages' },
    query: ZPackagesQuery,
    responses: { 200: { description: { zh: '一页资产包', en: 'A page of packages' }, schema: ZPackageList } },
    handle: async ({ api, query }) => ({ body: await api.packages.list(query) }),
  }),
  endpoint({
    method: 'GET',
    path: '/creditor/packages/{packageId}',
    operationId: 'getPackage',
    tag: 'creditor',
    orgType: 'creditor',
    scope: 'packages:read',
    summary: { zh: '资产包', en: 'A package' },
    params: ZPackageParams,
    responses: { 200: { description: { zh: '资产包', en: 'The package' }, schema: ZCreditorPackage } },
    handle: async ({ api, params }) => ({ body: await api.packages.get(params) }),
  }),
].map((e) => ({ ...e, responses: { ...errorResponses, ...e.responses } }));
