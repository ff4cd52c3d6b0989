import type { Metadata } from 'next';
import { PublishedDisclosure } from '@/components/public/disclosures';
import { getServerT } from '@/server/i18n/request-locale';
import { withMessages } from '../../../_components/with-messages';

export const generateMetadata = async (): Promise<Metadata> => ({
  title: (await getServerT())('disclosure.publicTitle'),
});

const DisclosurePage = async ({ params }: { params: Promise<{ id: string }> }) => (
  <main className="mx-auto max-w-6xl px-4 py-10">
    <PublishedDisclosure id={(await params).id} />
  </main>
);

export default withMessages(DisclosurePage, '(public)/disclosures/[id]/page');
