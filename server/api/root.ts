import { apiKeysRouter } from './routers/api-keys/router';
import { webhooksRouter } from './routers/webhooks/router';
import { callsRouter } from './routers/calls/router';
import { admissionRouter } from './routers/admission/router';
import { auditsRouter } from './routers/audits/router';
import { authRouter } from './routers/auth/router';
import { callEvidenceRouter } from './routers/call-evidence/router';
import { casesRouter } from './routers/cases/router';
import { complaintsRouter } from './routers/complaints/router';
import { debtorRouter } from './routers/debtor/router';
import { filesRouter } from './routers/files/router';
import { marketRouter } from './routers/market/router';
import { meRouter } from './routers/me/router';
import { notificationsRouter } from './routers/notifications/router';
import { orgRouter } from './routers/org/router';
import { oversightRouter } from './routers/oversight/router';
import { recordRouter } from './routers/record/router';
import { repaymentsRouter } from './routers/repayments/router';
import { statementsRouter } from './routers/statements/router';
import { supervisionRouter } from './routers/supervision/router';
import { dashboardRouter } from './routers/dashboard/router';
import { devSmsRouter } from './routers/dev-sms/router';
import { disclosureRouter } from './routers/disclosure/router';
import { exportsRouter } from './routers/exports/router';
import { packagesRouter } from './routers/packages/router';
import { paymentsRouter } from './routers/payments/router';
import { publicRouter } from './routers/public/router';
import { restructuresRouter } from './routers/restructures/router';
import { holdsRouter } from './routers/holds/router';
import { inspectionsRouter } from './routers/inspections/router';
import { sanctionsRouter } from './routers/sanctions/router';
import { scorecardsRouter } from './routers/scorecards/router';
import { staffRouter } from './routers/staff/router';
import { templatesRouter } from './routers/templates/router';
import { workRouter } from './routers/work/router';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  admission: admissionRouter,
  apiKeys: apiKeysRouter,
  webhooks: webhooksRouter,
  calls: callsRouter,
  audits: auditsRouter,
  auth: authRouter,
  callEvidence: callEvidenceRouter,
  cases: casesRouter,
  complaints: complaintsRouter,
  debtor: debtorRouter,
  files: filesRouter,
  inspections: inspectionsRouter,
  market: marketRouter,
  me: meRouter,
  notifications: notificationsRouter,
  payments: paymentsRouter,
  org: orgRouter,
  oversight: oversightRouter,
  record: recordRouter,
  repayments: repaymentsRouter,
  statements: statementsRouter,
  supervision: supervisionRouter,
  dashboard: dashboardRouter,
  devSms: devSmsRouter,
  disclosure: disclosureRouter,
  exports: exportsRouter,
  packages: packagesRouter,
  public: publicRouter,
  restructures: restructuresRouter,
  holds: holdsRouter,
  sanctions: sanctionsRouter,
  scorecards: scorecardsRouter,
  staff: staffRouter,
  templates: templatesRouter,
  work: workRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
