import { InspectionFormScreen } from '@/components/inspections/form-screen';
import { PageTitle } from '@/components/ui/card';
import { getServerT } from '@/server/i18n/request-locale';
import { Forbidden } from '../../../_components/forbidden';
import { loadPortalMe } from '../../../_components/portal-me';
import { withMessages } from '../../../_components/with-messages';

const InspectionFormPage = async () => {
  const me = await loadPortalMe('staff');
  if (!me.permissions.includes('inspections.forms.manage')) return <Forbidden />;
  const t = await getServerT();
  return (
    <div className="space-y-4">
      <PageTitle title={t('inspectionForm.title')} subtitle={t('inspectionForm.subtitle')} />
      <InspectionFormScreen />
    </div>
  );
};

export default withMessages(InspectionFormPage, 'staff/inspections/form/page');
