// How the app's own client talks to /api/trpc, shared by the server's checks
// (server/api/trpc.ts) and the client's links (components/trpc/react.tsx).

/** Sent by the app's client with every call; a form or script on another site cannot send it without asking first. */
export const CSRF_HEADER = 'x-daylight-csrf';

/** The most calls one HTTP request may hold. */
export const MAX_BATCH = 10;

/** Procedures open to anyone (publicProcedure): the server refuses them inside a batch, so the client sends each alone. */
export const ANONYMOUS_PROCEDURES: readonly string[] = [
  'admission.signUp',
  'auth.invite.accept',
  'auth.invite.get',
  'complaints.filePublic',
  'complaints.follow',
  'complaints.proofChallenge',
  'complaints.uploadEvidence',
  'debtor.chooseContact',
  'debtor.complain',
  'debtor.complaintCase',
  'debtor.confirm',
  'debtor.dispute',
  'debtor.overview',
  'debtor.payOnline',
  'debtor.payment',
  'debtor.plan',
  'debtor.proposePlan',
  'debtor.sendCode',
  'debtor.signOut',
  'debtor.verify',
  'devSms.list',
  'disclosure.published',
  'disclosure.publishedOne',
  'public.agencies.admitted',
  'public.agencies.banned',
  'public.rulebook',
];
