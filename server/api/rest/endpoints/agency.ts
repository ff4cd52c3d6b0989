import { z } from 'zod';
import { CASE_STATUSES, PROVINCES } from '@/lib/enums';
import { ZCaseList } from '../../routers/cases/cases.schema';
import { ZRepaymentRow, ZReportRepaymentInput } from '../../routers/repayments/repayments.schema';
import { ZCallBatch, ZIngestResult } from '../../routers/calls/calls.schema';
import { ZCanContactInput, ZLogActionInput, ZLogActionResult, ZVerdict } from '../../routers/work/work.schema';
import { endpoint } from '../endpoint';
import { errorResponses, queryInt } from './shared';

// What an agency's dialer or CRM does over the API: list the cases commissioned to it, ask
// before a contact, log what happened (the rulebook checks it exactly as on the screens) and
// report repayments.

const ZAgencyCasesQuery = z.strictObject({
  status: z.enum(CASE_STATUSES).optional(),
  bucket: queryInt(0, 12).optional(),
  province: z.enum(PROVINCES).optional(),
  packageId: z.uuid().optional(),
  contractNo: z.string().trim().min(1).max(64).optional(),
  collectorId: z.uuid().optional(),
  cursor: z.string().max(200).optional(),
  limit: queryInt(1, 200).default(50),
});

const refusedByRule = {
  description: {
    zh: '催收规则不允许：code 是规则（如 rules.window），values.next 是下次允许的时间',
    en: 'Refused by the rulebook: code names the rule (e.g. rules.window), values.next the next allowed time',
  },
};

export const agencyEndpoints = [
  endpoint({
    method: 'GET',
    path: '/agency/cases',
    operationId: 'listCommissionedCases',
    tag: 'agency',
    orgType: 'agency',
    scope: 'cases:read',
    summary: { zh: '受托案件列表', en: 'List commissioned cases' },
    description: {
      zh: '委托给本机构、仍在委托期内的案件，脱敏方式与页面相同。',
      en: 'Cases commissioned to the agency, masked as on the screens.',
    },
    query: ZAgencyCasesQuery,
    responses: { 200: { description: { zh: '一页案件', en: 'A page of cases' }, schema: ZCaseList } },
    handle: async ({ api, query }) => ({ body: await api.cases.agency.list(query) }),
  }),
  endpoint({
    method: 'POST',
    path: '/agency/contact-checks',
    operationId: 'checkContact',
    tag: 'agency',
    orgType: 'agency',
    scope: 'actions:write',
    summary: { zh: '联系前检查', en: 'Check a contact before it happens' },
    description: {
      zh: '拨号或发送前询问：现在能否联系这个号码；不能时给出规则和下次允许的时间。',
      en: 'Asked before dialling or sending: may this contact happen now; if not, which rule and when.',
    },
    body: ZCanContactInput,
    example: { caseId: '0193a5c2-0000-7000-8000-000000000001', channel: 'call', target: 'debtor', index: 0 },
    responses: { 200: { description: { zh: '检查结果', en: 'The verdict' }, schema: ZVerdict } },
    handle: async ({ api, body }) => ({ body: await api.work.canContact(body) }),
  }),
  endpoint({
    method: 'POST',
    path: '/agency/actions',
    operationId: 'logAction',
    tag: 'agency',
    orgType: 'agency',
    scope: 'actions:write',
    summary: { zh: '记录催收动作', en: 'Log an action' },
    description: {
      zh: '与催收页面同一套规则：硬性规则拒绝（412，指明规则和下次允许的时间），软性规则记录并标记。承诺还款金额单位为分。',
      en: 'The same rules as the work screen: a hard rule refuses (412, naming the rule and the next allowed time), a soft rule records with a flag. Promise amounts in fen.',
    },
    body: ZLogActionInput,
    example: {
      caseId: '0193a5c2-0000-7000-8000-000000000001',
      channel: 'call',
      target: 'debtor',
      index: 0,
      outcome: 'promise_to_pay',
      promiseAmount: 50000,
      promiseDate: '2026-12-10',
      note: '债务人承诺下周发薪后还款',
    },
    isIdempotent: true,
    responses: {
      201: { description: { zh: '已记录', en: 'Logged' }, schema: ZLogActionResult },
      412: refusedByRule,
    },
    handle: async ({ api, body }) => ({ status: 201, body: await api.work.logAction(body) }),
  }),
  endpoint({
    method: 'POST',
    path: '/agency/repayments',
    operationId: 'reportRepayment',
    tag: 'agency',
    orgType: 'agency',
    scope: 'repayments:write',
    summary: { zh: '报告回款', en: 'Report a repayment' },
    description: {
      zh: '报告债务人向债权人的还款（金额单位为分），等待债权人确认后计入佣金。',
      en: 'Reports a repayment the debtor made to the creditor (amount in fen); it counts for commission once the creditor confirms it.',
    },
    body: ZReportRepaymentInput,
    example: {
      caseId: '0193a5c2-0000-7000-8000-000000000001',
      amount: 50000,
      paidOn: '2026-12-02',
      channel: 'bank_transfer',
      payer: '王伟',
      reference: 'TX20261202001',
      note: '',
    },
    isIdempotent: true,
    responses: { 201: { description: { zh: '已报告', en: 'Reported' }, schema: ZRepaymentRow } },
    handle: async ({ api, body }) => ({ status: 201, body: await api.work.reportRepayment(body) }),
  }),
  endpoint({
    method: 'POST',
    path: '/agency/calls/batch',
    operationId: 'sendCallRecords',
    tag: 'agency',
    orgType: 'agency',
    scope: 'calls:write',
    summary: { zh: '上传话单', en: 'Send call records' },
    description: {
      zh: '拨号系统或短信网关的记录，每批最多 10,000 条，全部通过才保存。同一记录编号（id）再次发送只保存一次（计入 duplicates）。对方号码按案件号码匹配到本机构在委托期内的案件；匹配不到的记为 unmatched。每条匹配的外呼记录随后按其自身时间经过与催收动作相同的规则检查：时间以带时区的 ISO 8601 表示。',
      en: 'Records from a dialer or SMS gateway, up to 10,000 a batch, stored only if every one passes. A record id sent again is stored once (counted in duplicates). The other party is matched by number to the cases the agency holds under a live commission; records matching none are counted as unmatched. Each matched outbound record is then checked by the same rules as a logged action, at its own time: times are ISO 8601 with their offset.',
    },
    body: ZCallBatch,
    maxBody: 64 * 1024 * 1024,
    example: {
      items: [
        {
          id: 'CDR-20261202-000123',
          kind: 'call',
          direction: 'outbound',
          line: '021-61234567',
          party: '13812345678',
          startedAt: '2026-12-02T10:15:00+08:00',
          answeredAt: '2026-12-02T10:15:12+08:00',
          endedAt: '2026-12-02T10:18:40+08:00',
          disposition: 'answered',
          agent: 'collector@agency.example',
          transcript: '您好，我是某某资产管理公司工号 A023 的催收员……',
        },
      ],
    },
    isIdempotent: true,
    responses: { 201: { description: { zh: '已保存', en: 'Stored' }, schema: ZIngestResult } },
    handle: async ({ api, body }) => ({ status: 201, body: await api.calls.ingest(body) }),
  }),
].map((e) => ({ ...e, responses: { ...errorResponses, ...e.responses } }));
