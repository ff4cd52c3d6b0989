import {
  activeTemplateId,
  creditorScores,
  proposeTierA,
  scoreCreditorNew,
  submitCreditorNew,
} from '@/server/testing/admission';
import type { AuthzTable } from '@/server/testing/authz';

const CROSS_TENANT = 'a staff function: reviewers act on every applicant by design';
const NOT_STAFF = ['creditorA.admin', 'agencyA.admin', 'creditorNew.admin'] as const;

export const staffAdmissionAuthz: AuthzTable = {
  'staff.admission.queue': {
    setup: async (w) => void (await submitCreditorNew(w)),
    input: () => ({ limit: 20 }),
    allowed: 'platform.reviewer',
    anonymous: 'refused',
    wrongRole: ['platform.auditor', 'platform.complaints', ...NOT_STAFF],
    wrongTenant: { none: CROSS_TENANT },
  },
  'staff.admission.get': {
    input: (w) => ({ applicationId: w.applications.agencyNew }),
    allowed: 'platform.admin',
    anonymous: 'refused',
    wrongRole: ['platform.auditor', ...NOT_STAFF],
    wrongTenant: { none: CROSS_TENANT },
  },
  'staff.admission.saveScores': {
    setup: async (w) => void (await submitCreditorNew(w)),
    input: (w) => ({
      applicationId: w.applications.creditorNew,
      scores: creditorScores(30, 30, 15),
      hasFraudOrAbuse: false,
    }),
    allowed: 'platform.reviewer',
    anonymous: 'refused',
    wrongRole: ['platform.complaints', ...NOT_STAFF],
    wrongTenant: { none: CROSS_TENANT },
  },
  'staff.admission.requestInfo': {
    setup: async (w) => void (await submitCreditorNew(w)),
    input: (w) => ({ applicationId: w.applications.creditorNew, message: '请补充许可证扫描件' }),
    allowed: 'platform.reviewer',
    anonymous: 'refused',
    wrongRole: ['platform.auditor', ...NOT_STAFF],
    wrongTenant: { none: CROSS_TENANT },
  },
  'staff.admission.decide': {
    setup: async (w) => void (await scoreCreditorNew(w)),
    input: (w) => ({ applicationId: w.applications.creditorNew, decision: 'admit', reason: '评分 75，B 级' }),
    allowed: 'platform.reviewer',
    anonymous: 'refused',
    wrongRole: ['platform.auditor', ...NOT_STAFF],
    wrongTenant: { none: CROSS_TENANT },
  },
  'staff.admission.approve': {
    setup: async (w) => void (await proposeTierA(w)),
    input: (w) => ({ applicationId: w.applications.creditorNew, isApproved: true, note: '同意 A 级' }),
    allowed: 'platform.admin',
    anonymous: 'refused',
    wrongRole: ['platform.auditor', 'platform.complaints', ...NOT_STAFF],
    wrongTenant: { none: CROSS_TENANT },
  },
  'staff.admission.templates.list': {
    input: () => ({ kind: 'agency' }),
    allowed: 'platform.reviewer',
    anonymous: 'refused',
    wrongRole: ['platform.auditor', ...NOT_STAFF],
    wrongTenant: { none: 'templates are the platform’s own' },
  },
  'staff.admission.templates.get': {
    input: async (w) => ({ templateId: await activeTemplateId(w, 'creditor') }),
    allowed: 'platform.reviewer',
    anonymous: 'refused',
    wrongRole: ['platform.complaints', ...NOT_STAFF],
    wrongTenant: { none: 'templates are the platform’s own' },
  },
  'staff.admission.templates.publish': {
    input: () => ({
      kind: 'creditor',
      basedOnVersion: null,
      criteria: [
        {
          key: 'licence',
          weight: 100,
          group: 'licence',
          label: { 'zh-CN': '牌照', en: 'Licence' },
          guidance: { 'zh-CN': '核实牌照', en: 'Verify the licence' },
        },
      ],
    }),
    allowed: 'platform.admin',
    anonymous: 'refused',
    wrongRole: ['platform.reviewer', 'platform.auditor', ...NOT_STAFF],
    wrongTenant: { none: 'templates are the platform’s own' },
  },
};
