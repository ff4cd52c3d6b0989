import { appealSanction, decideAppeal, recordAppeal } from '../../../domain/sanctions/appeal';
import { approveBan, rejectBan } from '../../../domain/sanctions/ban';
import { freezeCommission, listSuspendedCommissions, unfreezeCommission } from '../../../domain/sanctions/freeze';
import { liftSanction, proposeSanction } from '../../../domain/sanctions/propose';
import { getOwnStanding, getSanction, listSanctions } from '../../../domain/sanctions/read';
import {
  agencyProcedure,
  authedProcedure,
  creditorProcedure,
  requirePermission,
  router,
  staffProcedure,
} from '../../trpc';
import {
  ZAppealInput,
  ZApproveInput,
  ZBanDecisionResult,
  ZCommissionIdInput,
  ZDecideAppealInput,
  ZFreezeResult,
  ZLiftInput,
  ZListSanctionsInput,
  ZProposeSanctionInput,
  ZRejectInput,
  ZSanctionDetail,
  ZSanctionIdInput,
  ZSanctionList,
  ZSanctionResult,
  ZStanding,
  ZSuspendedCommissions,
} from './sanctions.schema';

// Sanctions on agencies: staff propose them citing an upheld complaint or an audit
// violation, a second staff member approves a ban, a platform admin decides the one
// appeal; the agency reads its own and appeals; creditors read those on agencies they
// commission and freeze their commissions with a suspended one.

const reader = authedProcedure.use(requirePermission('sanctions.read'));
const manager = staffProcedure.use(requirePermission('sanctions.manage'));
const freezer = creditorProcedure.use(requirePermission('sanctions.freeze'));

export const sanctionsRouter = router({
  list: reader
    .input(ZListSanctionsInput)
    .output(ZSanctionList)
    .query(({ ctx, input }) => listSanctions(ctx.db, ctx.caller, input)),
  get: reader
    .input(ZSanctionIdInput)
    .output(ZSanctionDetail)
    .query(({ ctx, input }) => getSanction(ctx.db, ctx.caller, input.sanctionId)),
  /** The agency's own standing: a suspension in force empties its marketplace. */
  standing: agencyProcedure
    .use(requirePermission('sanctions.read'))
    .output(ZStanding)
    .query(({ ctx }) => getOwnStanding(ctx.db, ctx.caller)),
  propose: manager
    .input(ZProposeSanctionInput)
    .output(ZSanctionResult)
    .mutation(({ ctx, input }) => proposeSanction(ctx.db, ctx.caller, input)),
  approve: manager
    .input(ZApproveInput)
    .output(ZBanDecisionResult)
    .mutation(({ ctx, input }) => approveBan(ctx.db, ctx.caller, input)),
  reject: manager
    .input(ZRejectInput)
    .output(ZBanDecisionResult)
    .mutation(({ ctx, input }) => rejectBan(ctx.db, ctx.caller, input)),
  lift: manager
    .input(ZLiftInput)
    .output(ZSanctionResult)
    .mutation(({ ctx, input }) => liftSanction(ctx.db, ctx.caller, input)),
  /** The appeal a banned agency sent in writing, recorded by staff. */
  recordAppeal: manager
    .input(ZAppealInput)
    .output(ZSanctionResult)
    .mutation(({ ctx, input }) => recordAppeal(ctx.db, ctx.caller, input)),
  decideAppeal: staffProcedure
    .use(requirePermission('sanctions.decideAppeal'))
    .input(ZDecideAppealInput)
    .output(ZSanctionResult)
    .mutation(({ ctx, input }) => decideAppeal(ctx.db, ctx.caller, input)),
  appeal: agencyProcedure
    .use(requirePermission('sanctions.appeal'))
    .input(ZAppealInput)
    .output(ZSanctionResult)
    .mutation(({ ctx, input }) => appealSanction(ctx.db, ctx.caller, input)),
  suspendedCommissions: creditorProcedure
    .use(requirePermission('sanctions.read'))
    .output(ZSuspendedCommissions)
    .query(({ ctx }) => listSuspendedCommissions(ctx.db, ctx.caller)),
  freeze: freezer
    .input(ZCommissionIdInput)
    .output(ZFreezeResult)
    .mutation(({ ctx, input }) => freezeCommission(ctx.db, ctx.caller, input)),
  unfreeze: freezer
    .input(ZCommissionIdInput)
    .output(ZFreezeResult)
    .mutation(({ ctx, input }) => unfreezeCommission(ctx.db, ctx.caller, input)),
});
