import { notFound } from 'next/navigation';
import { Forbidden } from '../../../_components/forbidden';
import { loadPortalMe } from '../../../_components/portal-me';
import { ReviewScreen } from '@/components/review/review-screen';
import { withMessages } from '../../../_components/with-messages';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ReviewPage = async ({ params }: { params: Promise<{ applicationId: string }> }) => {
  const me = await loadPortalMe('staff');
  if (!me.permissions.includes('admission.review')) return <Forbidden />;
  const { applicationId } = await params;
  if (!UUID.test(applicationId)) notFound();
  return <ReviewScreen applicationId={applicationId} selfId={me.userId} />;
};

export default withMessages(ReviewPage, 'staff/admission/[applicationId]/page');
