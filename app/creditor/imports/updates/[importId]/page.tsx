import { ImportDetail } from '@/components/cases/import-detail';
import { Forbidden } from '../../../../_components/forbidden';
import { loadPortalMe } from '../../../../_components/portal-me';
import { withMessages } from '../../../../_components/with-messages';

const UpdateImportPage = async ({ params }: { params: Promise<{ importId: string }> }) => {
  const me = await loadPortalMe('creditor');
  if (!me.permissions.includes('cases.read')) return <Forbidden />;
  return <ImportDetail importId={(await params).importId} kind="updates" />;
};

export default withMessages(UpdateImportPage, 'creditor/imports/updates/[importId]/page');
