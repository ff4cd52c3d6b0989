import { samplePdf } from '@/db/seed/sample-pdf';
import type { AuthzTable } from '@/server/testing/authz';

export const filesAuthz: AuthzTable = {
  'files.upload': {
    input: () => samplePdf(['Authorization test']),
    allowed: 'agencyNew.admin',
    anonymous: 'refused',
    wrongRole: ['creditorA.viewer', 'platform.admin', 'platform.reviewer'],
    wrongTenant: { none: 'the file always belongs to the session organization' },
  },
};
