import { z } from 'zod';
import { CASE_STATUSES, PACKAGE_STATUSES, PROVINCES } from '@/lib/enums';
import { ZCaseList, ZRecallInput, ZRecallResult } from '../../routers/cases/cases.schema';
import { ZComplaintList } from '../../routers/complaints/complaints.schema';
import { ZCreditorPackage, ZPackageBids, ZPackageList } from '../../routers/packages/packages.schema';
import { ZRecordActions, ZRecordCase, ZRecordRepayments, ZRecordVisits } from '../../routers/record/record.schema';
import { endpoint } from '../endpoint';
import { ZCaseParams, ZCursorQuery, errorResponses, queryInt } from './shared';

// What a creditor's loan system reads over the API, and recalls: cases with their records,
// packages (batches of cases, changes and repayments are in creditor-batches.ts).

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

const ZPackageParams = z.strictObject({ packageId: z.uuid() });
const ZPackagesQuery = ZCursorQuery.extend({ status: z.enum(PACKAGE_STATUSES).optional() });

export const creditorEndpoints = [
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
    method: 'GET',
    path: '/creditor/cases/{caseId}/complaints',
    operationId: 'listCaseComplaints',
    tag: 'creditor',
    orgType: 'creditor',
    scope: 'cases:read',
    summary: { zh: '案件的投诉', en: 'A case’s complaints' },
    description: {
      zh: '关于这个案件的投诉及其处理状态和期限，最新在前（投诉人信息不在列表中）。',
      en: 'Complaints about the case with their state and deadlines, newest first (who complained is not in the list).',
    },
    params: ZCaseParams,
    query: ZCursorQuery,
    responses: { 200: { description: { zh: '一页投诉', en: 'A page of complaints' }, schema: ZComplaintList } },
    handle: async ({ api, params, query }) => {
      // Another creditor's case answers 404 like every read of a case, not an empty page.
      await api.record.case(params);
      return { body: await api.complaints.list({ ...params, cursor: query.cursor, limit: query.limit }) };
    },
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
  endpoint({
    method: 'GET',
    path: '/creditor/packages/{packageId}/bids',
    operationId: 'listPackageBids',
    tag: 'creditor',
    orgType: 'creditor',
    scope: 'packages:read',
    summary: { zh: '资产包的竞标和中标', en: 'A package’s bids and awards' },
    description: {
      zh: '每个机构的竞标条件、准入评分和评分卡分数；中标的竞标状态为 won。',
      en: 'Each agency’s bid, admission score and scorecard; awarded bids have status won.',
    },
    params: ZPackageParams,
    responses: { 200: { description: { zh: '竞标', en: 'Bids' }, schema: ZPackageBids } },
    handle: async ({ api, params }) => ({ body: await api.packages.bids(params) }),
  }),
].map((e) => ({ ...e, responses: { ...errorResponses, ...e.responses } }));
