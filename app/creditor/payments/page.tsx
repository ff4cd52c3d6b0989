import { PaymentSettingsForm } from '@/components/payments/payment-settings-form';
import { PageTitle } from '@/components/ui/card';
import { getServerCaller } from '@/server/api/server-caller';
import { getServerT } from '@/server/i18n/request-locale';
import { Forbidden } from '../../_components/forbidden';
import { loadPortalMe } from '../../_components/portal-me';
import { withMessages } from '../../_components/with-messages';

/** The creditor's payment settings: the account its debtors pay into and its pay-online provider (admins). */
const PaymentsPage = async () => {
  const me = await loadPortalMe('creditor');
  if (!me.permissions.includes('payments.manage')) return <Forbidden />;
  const t = await getServerT();
  const settings = await (await getServerCaller()).payments.settings();
  return (
    <>
      <PageTitle title={t('paymentSettings.title')} subtitle={t('paymentSettings.subtitle')} />
      <PaymentSettingsForm settings={settings} />
    </>
  );
};

export default withMessages(PaymentsPage, 'creditor/payments/page');
