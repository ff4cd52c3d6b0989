import { appealSanction, decideAppeal, recordAppeal } from '../../../domain/sanctions/appeal';
import { approveBan, rejectBan } from '../../../domain/sanctions/ban';
import { freezeCommission, listSuspendedCommissions, unfreezeCommission } from '../../../domain/sanctions/freeze';
import { liftSanction, proposeSanction } from '../../../domain/sanctions/propose';
import { getOwnStanding, getSanction, listSanctions } from '../../../domain/sanctions/read';
import { agencyProcedure, authedProcedure, creditorProcedure, requirePermission, router, staffProcedure } from '../../trpc';
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

const list = reader.input(ZListSanctionsInput).output(ZSanctionList).query(({ ctx, input }) => listSanctions(ctx.db, ctx.caller, input));
const get = reader.input(ZSanctionIdInput).output(ZSanctionDetail).query(({ ctx, input }) => getSanction(ctx.db, ctx.caller, input.sanctionId));

/** The agency's own standing: a suspension in force empties its marketplace. */
const standing = agencyProcedure
  .use(requirePermission('sanctions.read'))
  .output(ZStanding)
  .query(({ ctx }) => getOwnStanding(ctx.db, ctx.caller));

const manager = staffProcedure.use(requirePermission('sanctions.manage'));

const propose = manager.input(ZProposeSanctionInput).output(ZSanctionResult).mutation(({ ctx, input }) => proposeSanction(ctx.db, ctx.caller, input));
const approve = manager.input(ZApproveInput).output(ZBanDecisionResult).mutation(({ ctx, input }) => approveBan(ctx.db, ctx.caller, input));
const reject = manager.input(ZRejectInput).output(ZBanDecisionResult).mutation(({ ctx, input }) => rejectBan(ctx.db, ctx.caller, input));
const lift = manager.input(ZLiftInput).output(ZSanctionResult).mutation(({ ctx, input }) => liftSanction(ctx.db, ctx.caller, input));
/** The appeal a banned agency sent in writing, recorded by staff. */
const recordAppealFor = manager.input(ZAppealInput).output(ZSanctionResult).mutation(({ ctx, input }) => recordAppeal(ctx.db, ctx.caller, input));

const decideAppealOf = staffProcedure
  .use(requirePermission('sanctions.decideAppeal'))
  .input(ZDecideAppealInput)
  .output(ZSanctionResult)
  .mutation(({ ctx, input }) => decideAppeal(ctx.db, ctx.caller, input));

const appeal = agencyProcedure
  .use(requirePermission('sanctions.appeal'))
  .input(ZAppealInput)
  .output(ZSanctionResult)
  .mutation(({ ctx, input }) => appealSanction(ctx.db, ctx.caller, input));

const suspendedCommissions = creditorProcedure
  .use(requirePermission('sanctions.read'))
  .output(ZSuspendedCommissions)
  .query(({ ctx }) => listSuspendedCommissions(ctx.db, ctx.caller));

const freezer = creditorProcedure.use(requirePermission('sanctions.freeze'));
const freeze = freezer.input(ZCommissionIdInput).output(ZFreezeResult).mutation(({ ctx, input }) => freezeCommission(ctx.db, ctx.caller, input));
const unfreeze = freezer.input(ZCommissionIdInput).output(ZFreezeResult).mutation(({ ctx, input }) => unfreezeCommission(ctx.db, ctx.caller, input));

export const sanctionsRouter = router({
  list,
  get,
  standing,
  propose,
  approve,
  reject,
  lift,
  recordAppeal: recordAppealFor,
  decideAppeal: decideAppealOf,
  appeal,
  suspendedCommissions,
  freeze,
  unfreeze,
});
