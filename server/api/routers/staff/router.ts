import { listAuditForStaff } from '../../../domain/audit/list-audit';
import { createOrgForStaff, getOrgForStaff, listOrgsForStaff, setOrgStatus } from '../../../domain/orgs/orgs';
import { listCalendarYear, removeCalendarDay, setCalendarDay } from '../../../domain/calendar/calendar';
import { listRuleSets, publishRuleSet } from '../../../domain/rules/publish';
import {
  createUserForStaff,
  disableUserForStaff,
  listUsersForStaff,
  revealUserPhoneForStaff,
} from '../../../domain/users/users';
import { requirePermission, router, staffProcedure } from '../../trpc';
import { ZGetOrgOutput } from '../org/org.schema';
import { ZInviteResult, ZOrg, ZRevealPhoneInput, ZRevealPhoneResult, ZUser } from '../shared.schema';
import { staffAdmissionRouter } from './admission.router';
import {
  ZCalendarDayResult,
  ZCalendarYear,
  ZCalendarYearInput,
  ZRemoveCalendarDayInput,
  ZSetCalendarDayInput,
  ZCreateOrgInput,
  ZCreateUserInput,
  ZDisableUserInput,
  ZGetOrgInput,
  ZListAuditInput,
  ZListAuditOutput,
  ZListOrgsInput,
  ZListOrgsOutput,
  ZListUsersInput,
  ZListUsersOutput,
  ZPublishRulesInput,
  ZPublishRulesResult,
  ZRuleSets,
  ZSetOrgStatusInput,
} from './staff.schema';

// The platform's own administration: every organization and user, the audit trail and
// the rulebook; admission review is its own router (admission.router.ts).

const orgReader = staffProcedure.use(requirePermission('staff.orgs.read'));
const userManager = staffProcedure.use(requirePermission('staff.users.manage'));

export const staffRouter = router({
  admission: staffAdmissionRouter,
  orgs: router({
    list: orgReader
      .input(ZListOrgsInput)
      .output(ZListOrgsOutput)
      .query(({ ctx, input }) => listOrgsForStaff(ctx.db, input)),
    get: orgReader
      .input(ZGetOrgInput)
      .output(ZGetOrgOutput)
      .query(({ ctx, input }) => getOrgForStaff(ctx.db, input.orgId)),
    create: staffProcedure
      .use(requirePermission('staff.orgs.create'))
      .input(ZCreateOrgInput)
      .output(ZOrg)
      .mutation(({ ctx, input }) => createOrgForStaff(ctx.db, ctx.caller, input)),
    setStatus: staffProcedure
      .use(requirePermission('staff.orgs.setStatus'))
      .input(ZSetOrgStatusInput)
      .output(ZOrg)
      .mutation(({ ctx, input }) => setOrgStatus(ctx.db, ctx.caller, input)),
  }),
  users: router({
    list: orgReader
      .input(ZListUsersInput)
      .output(ZListUsersOutput)
      .query(({ ctx, input }) => listUsersForStaff(ctx.db, ctx.caller, input)),
    create: userManager
      .input(ZCreateUserInput)
      .output(ZInviteResult)
      .mutation(({ ctx, input }) => createUserForStaff(ctx.db, ctx.caller, input)),
    disable: userManager
      .input(ZDisableUserInput)
      .output(ZUser)
      .mutation(({ ctx, input }) => disableUserForStaff(ctx.db, ctx.caller, input.userId)),
    /** Any user's whole mobile number, for a reason; audited. */
    revealPhone: userManager
      .input(ZRevealPhoneInput)
      .output(ZRevealPhoneResult)
      .mutation(({ ctx, input }) => revealUserPhoneForStaff(ctx.db, ctx.caller, input)),
  }),
  audit: router({
    list: staffProcedure
      .use(requirePermission('staff.audit.read'))
      .input(ZListAuditInput)
      .output(ZListAuditOutput)
      .query(({ ctx, input }) => listAuditForStaff(ctx.db, input)),
  }),
  rules: router({
    /** Every published version of the rulebook, newest first. */
    list: staffProcedure
      .use(requirePermission('rules.read'))
      .output(ZRuleSets)
      .query(({ ctx }) => listRuleSets(ctx.db)),
    /** Publishes a tighter rulebook as the next version (never looser than the national floor). */
    publish: staffProcedure
      .use(requirePermission('rules.manage'))
      .input(ZPublishRulesInput)
      .output(ZPublishRulesResult)
      .mutation(({ ctx, input }) => publishRuleSet(ctx.db, ctx.caller, input)),
  }),
  calendar: router({
    /** A year's holidays and make-up working days, in date order. */
    list: staffProcedure
      .use(requirePermission('calendar.read'))
      .input(ZCalendarYearInput)
      .output(ZCalendarYear)
      .query(({ ctx, input }) => listCalendarYear(ctx.db, input.year)),
    /** Makes a day a holiday or a make-up working day (a weekend day worked). */
    setDay: staffProcedure
      .use(requirePermission('calendar.manage'))
      .input(ZSetCalendarDayInput)
      .output(ZCalendarDayResult)
      .mutation(({ ctx, input }) => setCalendarDay(ctx.db, ctx.caller, input)),
    /** Makes a day an ordinary one again. */
    removeDay: staffProcedure
      .use(requirePermission('calendar.manage'))
      .input(ZRemoveCalendarDayInput)
      .output(ZCalendarDayResult)
      .mutation(({ ctx, input }) => removeCalendarDay(ctx.db, ctx.caller, input)),
  }),
});
