import { ProposeSanctionScreen } from '@/components/sanctions/propose-sanction';
import { Alert } from '@/components/ui/alert';
import { getServerT } from '@/server/i18n/request-locale';
import { Forbidden } from '../../../_components/forbidden';
import { loadPortalMe } from '../../../_components/portal-me';
import { withMessages } from '../../../_components/with-messages';

/** A sanction is proposed from what it cites: `?complaintId=` (an upheld complaint) or `?auditItemId=` (an audit violation). */
const ProposeSanctionPage = async ({
  searchParams,
}: {
  searchParams: Promise<{ complaintId?: string; auditItemId?: string }>;
}) => {
  const me = await loadPortalMe('staff');
  if (!me.permissions.includes('sanctions.manage')) return <Forbidden />;
  const { complaintId, auditItemId } = await searchParams;
  if (!complaintId && !auditItemId)
    return <Alert testId="propose-no-citation">{(await getServerT())('sanctions.noCitation')}</Alert>;
  return <ProposeSanctionScreen complaintId={complaintId ?? null} auditItemId={auditItemId ?? null} />;
};

export default withMessages(ProposeSanctionPage, 'staff/sanctions/new/page');
