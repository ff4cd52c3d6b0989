import { ImportDetail } from '@/components/cases/import-detail';
import { Forbidden } from '../../../_components/forbidden';
import { loadPortalMe } from '../../../_components/portal-me';
import { withMessages } from '../../../_components/with-messages';

const ImportPage = async ({ params }: { params: Promise<{ importId: string }> }) => {
  const me = await loadPortalMe('creditor');
  if (!me.permissions.includes('cases.read')) return <Forbidden />;
  return <ImportDetail importId={(await params).importId} />;
};

export default withMessages(ImportPage, 'creditor/imports/[importId]/page');
