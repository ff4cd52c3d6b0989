'use client';

import { useTranslations } from 'use-intl';
import { Button } from './button';

type Paged = { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => Promise<unknown> };

/** The next keyset page of a list, when there is one. */
export const LoadMore = ({ list }: { list: Paged }) => {
  const t = useTranslations('common');
  if (!list.hasNextPage) return null;
  return (
    <div className="mt-3 text-center">
      <Button
        variant="secondary"
        data-testid="load-more"
        onClick={() => void list.fetchNextPage()}
        disabled={list.isFetchingNextPage}
      >
        {list.isFetchingNextPage ? t('loading') : t('loadMore')}
      </Button>
    </div>
  );
};

/** All rows loaded so far of an infinite query. */
export const rowsOf = <T,>(data: { pages: { items: T[] }[] } | undefined): T[] =>
  data?.pages.flatMap((p) => p.items) ?? [];
