import { router } from '../../trpc';
import { attach, remove } from './documents';
import { getApplication } from './get-application';
import { reapply } from './reapply';
import { renewalStatus } from './renewal-status';
import { saveSection } from './save-section';
import { signUp } from './sign-up';
import { startRenewal } from './start-renewal';
import { submitApplication } from './submit-application';

export const admissionRouter = router({
  signUp,
  application: router({
    get: getApplication,
    saveSection,
    submit: submitApplication,
    startRenewal,
    renewalStatus,
    reapply,
    documents: router({ attach, remove }),
  }),
});
