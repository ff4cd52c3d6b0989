import {
  getDisclosure,
  getPublishedDisclosure,
  listPublishedDisclosures,
  publishDisclosure,
} from '../../../domain/money/disclosure';
import { authedProcedure, creditorProcedure, publicProcedure, requirePermission, router } from '../../trpc';
import {
  ZDisclosure,
  ZDisclosureIdInput,
  ZMonthInput,
  ZPublication,
  ZPublishedDisclosure,
  ZPublishedList,
  ZPublishedListInput,
} from './disclosure.schema';

/** Monthly collection figures: read by creditors and staff, published by a creditor for anyone. */
export const disclosureRouter = router({
  /** An ended month's collection figures: the caller's creditor's, or the platform's for staff. */
  get: authedProcedure
    .use(requirePermission('disclosure.read'))
    .input(ZMonthInput)
    .output(ZDisclosure)
    .query(({ ctx, input }) => getDisclosure(ctx.db, ctx.caller, input.month)),
  /** The creditor's admin publishes the month's figures on the public page, once. */
  publish: creditorProcedure
    .use(requirePermission('disclosure.publish'))
    .input(ZMonthInput)
    .output(ZPublication)
    .mutation(({ ctx, input }) => publishDisclosure(ctx.db, ctx.caller, input.month)),
  /** Every creditor's published figures, newest first: anyone may read them. */
  published: publicProcedure
    .input(ZPublishedListInput)
    .output(ZPublishedList)
    .query(({ ctx, input }) => listPublishedDisclosures(ctx.db, input)),
  /** One published report, as it was published. */
  publishedOne: publicProcedure
    .input(ZDisclosureIdInput)
    .output(ZPublishedDisclosure)
    .query(({ ctx, input }) => getPublishedDisclosure(ctx.db, input.id)),
});
