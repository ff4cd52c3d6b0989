import { creditCodeFor } from '@/db/seed/factories';
import { admissionExpiresIn, rejectCreditorNew } from '@/server/testing/admission';
import type { AuthzTable } from '@/server/testing/authz';

const SESSION_ORG = 'takes no organization: the application is always the session organization’s own';

export const admissionAuthz: AuthzTable = {
  'admission.signUp': {
    input: () => {
      const n = Math.floor(Math.random() * 1e9);
      return {
        type: 'agency',
        orgName: '成都信达商务咨询有限公司',
        creditCode: creditCodeFor(n, '510104'),
        adminName: '郭靖',
        email: `signup-${n}@example.cn`,
      };
    },
    allowed: 'anonymous',
    anonymous: { isPublic: 'an organization registers before it has any account' },
    wrongRole: { none: 'public sign-up has no role' },
    wrongTenant: {
      none: 'creates a new tenant; a taken or banned credit code is refused, a registered email answered as a new one (admission.integration.test.ts)',
    },
  },
  'admission.application.get': {
    // The admission file (capital, references, legal representative, licence) is the admins'.
    allowed: 'agencyNew.admin',
    anonymous: 'refused',
    wrongRole: [
      'agencyNew.supervisor',
      'agencyNew.collector',
      'creditorNew.manager',
      'creditorNew.viewer',
      'agencyA.collector',
      'platform.admin',
      'platform.reviewer',
    ],
    wrongTenant: { none: SESSION_ORG },
  },
  'admission.application.saveSection': {
    input: () => ({ section: 'systems', data: { hasCallRecording: true, mlpsLevel: 3 } }),
    allowed: 'agencyNew.admin',
    anonymous: 'refused',
    wrongRole: ['agencyNew.supervisor', 'agencyNew.collector', 'platform.admin'],
    wrongTenant: { none: SESSION_ORG },
  },
  'admission.application.startRenewal': {
    // agencyA's admission runs out in 10 days: renewal is due.
    setup: (w) => admissionExpiresIn(w, 'agencyA', 10),
    allowed: 'agencyA.admin',
    anonymous: 'refused',
    wrongRole: ['agencyA.supervisor', 'agencyA.collector', 'platform.admin'],
    wrongTenant: { none: SESSION_ORG },
  },
  'admission.application.submit': {
    allowed: 'creditorNew.admin',
    anonymous: 'refused',
    wrongRole: ['creditorNew.manager', 'creditorNew.viewer', 'platform.reviewer'],
    wrongTenant: { none: SESSION_ORG },
  },
  'admission.application.documents.attach': {
    input: (w) => ({ fileId: w.licence.fileId, kind: 'certificate', fileName: '等保三级证书.pdf' }),
    allowed: 'creditorNew.admin',
    anonymous: 'refused',
    wrongRole: ['creditorNew.manager', 'creditorNew.viewer', 'platform.reviewer'],
    // Another organization's upload is not there to attach.
    wrongTenant: {
      as: 'agencyNew.admin',
      input: (w) => ({ fileId: w.licence.fileId, kind: 'business_licence', fileName: '营业执照.pdf' }),
    },
  },
  'admission.application.documents.remove': {
    input: (w) => ({ documentId: w.licence.documentId }),
    allowed: 'creditorNew.admin',
    anonymous: 'refused',
    wrongRole: ['creditorNew.manager', 'creditorNew.viewer', 'platform.reviewer'],
    wrongTenant: { as: 'agencyNew.admin', input: (w) => ({ documentId: w.licence.documentId }) },
  },
  'admission.application.renewalStatus': {
    setup: (w) => admissionExpiresIn(w, 'agencyA', 10),
    allowed: 'agencyA.collector',
    anonymous: 'refused',
    wrongRole: ['platform.admin', 'platform.reviewer'],
    wrongTenant: { none: SESSION_ORG },
  },
  'admission.application.reapply': {
    // The creditor applicant's application was rejected: it may apply again.
    setup: async (w) => {
      await rejectCreditorNew(w);
    },
    allowed: 'creditorNew.admin',
    anonymous: 'refused',
    wrongRole: ['creditorNew.manager', 'creditorNew.viewer', 'platform.admin'],
    wrongTenant: { none: SESSION_ORG },
  },
};
