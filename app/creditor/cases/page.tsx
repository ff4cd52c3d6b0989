import { CreditorCasesScreen } from '@/components/cases/creditor-cases-screen';
import { creditorCasesInput } from '@/components/cases/queries';
import { pagedFresh } from '@/components/trpc/paging';
import { prefetch, serverTrpc } from '@/server/api/server-query';
import { Hydrate } from '../../_components/hydrate';
import { Forbidden } from '../../_components/forbidden';
import { loadPortalMe } from '../../_components/portal-me';
import { withMessages } from '../../_components/with-messages';

const CasesPage = async ({ searchParams }: { searchParams: Promise<{ packageId?: string }> }) => {
  const me = await loadPortalMe('creditor');
  if (!me.permissions.includes('cases.read')) return <Forbidden />;
  const { packageId } = await searchParams;
  await prefetch(serverTrpc.cases.list.infiniteQueryOptions(creditorCasesInput({}, packageId), pagedFresh));
  return (
    <Hydrate>
      <CreditorCasesScreen canRecall={me.permissions.includes('packages.manage')} packageId={packageId} />
    </Hydrate>
  );
};

export default withMessages(CasesPage, 'creditor/cases/page');
