import { PackageDetail } from '@/components/packages/package-detail';
import { Forbidden } from '../../../_components/forbidden';
import { loadPortalMe } from '../../../_components/portal-me';
import { withMessages } from '../../../_components/with-messages';

const PackagePage = async ({ params }: { params: Promise<{ packageId: string }> }) => {
  const me = await loadPortalMe('creditor');
  if (!me.permissions.includes('cases.read')) return <Forbidden />;
  return <PackageDetail packageId={(await params).packageId} canManage={me.permissions.includes('packages.manage')} />;
};

export default withMessages(PackagePage, 'creditor/packages/[packageId]/page');
