import { getPaymentSettings, savePaymentSettings } from '../../../domain/payments/settings';
import { authedProcedure, requirePermission, router } from '../../trpc';
import { ZPaymentSettings, ZPaymentSettingsInput } from './payments.schema';

const paymentsAdmin = authedProcedure.use(requirePermission('payments.manage'));

/** The creditor's payment settings: its own repayment account and payment-link provider (its admins). */
export const paymentsRouter = router({
  settings: paymentsAdmin.output(ZPaymentSettings).query(({ ctx }) => getPaymentSettings(ctx.db, ctx.caller)),
  /** The private key is written, never read back: empty keeps the one on file. */
  saveSettings: paymentsAdmin
    .input(ZPaymentSettingsInput)
    .output(ZPaymentSettings)
    .mutation(({ ctx, input }) => savePaymentSettings(ctx.db, ctx.caller, input)),
});
