import { shanghaiDate, shanghaiInstant } from '@/lib/dates';
import { shanghaiMonth } from '@/lib/months';
import { decideRepayment, reportRepayment } from '@/server/domain/money/repayments';
import { agreeStatement, generateStatements, listStatements } from '@/server/domain/money/statements';
import type { AuthzTable } from '@/server/testing/authz';
import { startTermThisYear, workingCases } from '@/server/testing/work';
import { domainCaller, type World } from '@/server/testing/world';

// Statements: the creditor's admin and managers draw them up and mark them paid; each
// side agrees its own; viewers and supervisors read. Another organization's statement
// answers NOT_FOUND.
const made = new WeakMap<World, string>();
const of = (w: World) => made.get(w) ?? '';
const day = () => shanghaiDate(new Date());
/** Noon in Beijing on the first day of next month, when this month has ended. */
const nextMonth = () => shanghaiInstant(`${shanghaiMonth(1)}-01T12:00:00`);

/** A draft statement between creditorA and agencyA for this month, drawn up as if the month had ended (agreed by the creditor if asked). */
const withStatement = (agreedByCreditor: boolean) => async (w: World) => {
  const { caseId, pkg } = await workingCases(w, 2);
  await startTermThisYear(w, pkg.id);
  const manager = await domainCaller(w, 'creditorA.manager');
  const r = await reportRepayment(w.db, await domainCaller(w, 'agencyA.collector'), {
    caseId,
    amount: 20_000,
    paidOn: day(),
    channel: 'counter',
    payer: '本人',
    reference: 'S-1',
    note: '',
  });
  await decideRepayment(w.db, manager, { repaymentId: r.id, confirm: true, note: '' });
  await generateStatements(w.db, manager, w.orgs.creditorA.id, shanghaiMonth(0), nextMonth());
  const [s] = (await listStatements(w.db, manager, { limit: 1 })).items;
  made.set(w, s?.id ?? '');
  if (agreedByCreditor) {
    await agreeStatement(w.db, manager, s?.id ?? '');
  }
};

const month = () => ({ month: '2020-01' });

export const statementsAuthz: AuthzTable = {
  'statements.list': {
    input: () => ({ limit: 10 }),
    allowed: 'agencyA.supervisor',
    anonymous: 'refused',
    wrongRole: ['agencyA.collector', 'platform.admin', 'creditorNew.admin'],
    wrongTenant: {
      none: 'lists only statements the session organization is a side of (statements.integration.test.ts)',
    },
  },
  'statements.get': {
    setup: withStatement(false),
    input: (w) => ({ statementId: of(w) }),
    allowed: 'creditorA.viewer',
    anonymous: 'refused',
    wrongRole: ['agencyA.collector', 'platform.admin'],
    wrongTenant: { as: 'agencyB.admin', input: (w) => ({ statementId: of(w) }) },
  },
  'statements.generate': {
    input: month,
    allowed: 'creditorA.manager',
    anonymous: 'refused',
    wrongRole: ['creditorA.viewer', 'agencyA.admin', 'platform.admin'],
    wrongTenant: { none: 'draws up the session creditor’s own statements only' },
  },
  'statements.agree': {
    setup: withStatement(false),
    input: (w) => ({ statementId: of(w) }),
    allowed: 'agencyA.admin',
    anonymous: 'refused',
    wrongRole: ['agencyA.supervisor', 'creditorA.viewer', 'platform.admin'],
    wrongTenant: { as: 'creditorB.admin', input: (w) => ({ statementId: of(w) }) },
  },
  'statements.pay': {
    setup: async (w) => {
      await withStatement(true)(w);
      await agreeStatement(w.db, await domainCaller(w, 'agencyA.admin'), of(w));
    },
    input: (w) => ({ statementId: of(w) }),
    allowed: 'creditorA.admin',
    anonymous: 'refused',
    wrongRole: ['creditorA.viewer', 'agencyA.admin', 'platform.admin'],
    wrongTenant: { as: 'creditorB.manager', input: (w) => ({ statementId: of(w) }) },
  },
};
