import { awardPackage } from '../../../domain/packages/award';
import { listAdmittedAgencies } from '../../../domain/packages/eligibility';
import { listPackageBids } from '../../../domain/packages/market';
import { offerPackage } from '../../../domain/packages/offers';
import {
  cancelPackage,
  createPackage,
  getPackage,
  listPackages,
  openPackage,
  previewSource,
  saveTerms,
} from '../../../domain/packages/packages';
import { creditorProcedure, requirePermission, router } from '../../trpc';
import { ZNoInput } from '../shared.schema';
import {
  ZAgencies,
  ZAwardInput,
  ZAwardResult,
  ZCancelInput,
  ZCreatePackageInput,
  ZCreditorPackage,
  ZFigures,
  ZListPackagesInput,
  ZOfferInput,
  ZPackageBids,
  ZPackageIdInput,
  ZPackageList,
  ZPreviewInput,
  ZSaveTermsInput,
} from './packages.schema';

const reader = creditorProcedure.use(requirePermission('cases.read'));
const manager = creditorProcedure.use(requirePermission('packages.manage'));

/** The creditor's packages: build, set terms, open, compare bids, award or offer directly. */
export const packagesRouter = router({
  /** A draft package from one import or a filter over the creditor's unplaced cases. */
  create: manager
    .input(ZCreatePackageInput)
    .output(ZCreditorPackage)
    .mutation(({ ctx, input }) => createPackage(ctx.db, ctx.caller, input)),
  /** The figures a new package would have, before it is created. */
  preview: manager
    .input(ZPreviewInput)
    .output(ZFigures)
    .query(({ ctx, input }) => previewSource(ctx.db, ctx.caller, input.source)),
  get: reader
    .input(ZPackageIdInput)
    .output(ZCreditorPackage)
    .query(({ ctx, input }) => getPackage(ctx.db, ctx.caller, input.packageId)),
  list: reader
    .input(ZListPackagesInput)
    .output(ZPackageList)
    .query(({ ctx, input }) => listPackages(ctx.db, ctx.caller, input)),
  /** The terms of a draft package, all at once. */
  saveTerms: manager
    .input(ZSaveTermsInput)
    .output(ZCreditorPackage)
    .mutation(({ ctx, input }) => saveTerms(ctx.db, ctx.caller, input.packageId, input.terms)),
  /** Opens bidding until the close time of the terms. */
  open: manager
    .input(ZPackageIdInput)
    .output(ZCreditorPackage)
    .mutation(({ ctx, input }) => openPackage(ctx.db, ctx.caller, input.packageId)),
  cancel: manager
    .input(ZCancelInput)
    .output(ZCreditorPackage)
    .mutation(({ ctx, input }) => cancelPackage(ctx.db, ctx.caller, input.packageId, input.reason)),
  /** The bids on a package side by side, lowest fee first, with each agency's tier and admission score. */
  bids: reader
    .input(ZPackageIdInput)
    .output(ZPackageBids)
    .query(({ ctx, input }) => listPackageBids(ctx.db, ctx.caller, input.packageId)),
  /** Awards a closed package whole or split; exactly once, parallel attempts get CONFLICT. */
  award: manager
    .input(ZAwardInput)
    .output(ZAwardResult)
    .mutation(({ ctx, input }) => awardPackage(ctx.db, ctx.caller, input.packageId, input.shares)),
  /** Offers a draft package to one agency at a fixed fee; it answers within 2 business days. */
  offer: manager
    .input(ZOfferInput)
    .output(ZCreditorPackage)
    .mutation(async ({ ctx, input }) => {
      await offerPackage(ctx.db, ctx.caller, input.packageId, input);
      return getPackage(ctx.db, ctx.caller, input.packageId);
    }),
  /** Admitted agencies, to invite to bid or to offer a package to. */
  agencies: manager
    .input(ZNoInput)
    .output(ZAgencies)
    .query(({ ctx }) => listAdmittedAgencies(ctx.db)),
});
