'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { formatDateTime } from '@/lib/format';
import { useTRPC } from '../trpc/react';

/** The header's inbox: unread count, the latest notifications, and a click that goes where to act. */
export const NotificationBell = () => {
  const t = useTranslations('notifications');
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [isOpen, setIsOpen] = useState(false);
  const list = useQuery({ ...trpc.notifications.list.queryOptions({ limit: 20 }), refetchInterval: 30_000 });
  const markRead = useMutation(
    trpc.notifications.markRead.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.notifications.list.queryKey() }),
    }),
  );
  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];
  return (
    <div className="relative">
      <button
        type="button"
        onClick={() => setIsOpen((o) => !o)}
        aria-label={`${t('title')}${unread ? ` · ${t('unread', { count: unread })}` : ''}`}
        aria-expanded={isOpen}
        data-testid="notification-bell"
        className="relative rounded-md p-1.5 text-slate-600 hover:bg-slate-100"
      >
        <svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth={1.8}>
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread > 0 ? (
          <span
            className="absolute -right-1 -top-1 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] font-semibold leading-4 text-white"
            data-testid="notification-count"
          >
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      {isOpen ? (
        <div
          className="absolute right-0 z-20 mt-2 w-96 rounded-lg bg-white shadow-lg ring-1 ring-slate-200"
          data-testid="notification-panel"
        >
          <div className="flex items-center justify-between border-b border-slate-100 px-3 py-2">
            <span className="text-sm font-semibold text-slate-900">{t('title')}</span>
            {unread > 0 ? (
              <button
                type="button"
                className="text-xs text-amber-800 hover:underline"
                onClick={() => markRead.mutate({ ids: 'all' })}
                data-testid="notifications-mark-all"
              >
                {t('markAll')}
              </button>
            ) : null}
          </div>
          {items.length === 0 ? (
            <p className="px-3 py-6 text-center text-sm text-slate-500">{t('empty')}</p>
          ) : (
            <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto">
              {items.map((n) => (
                <li key={n.id}>
                  <button
                    type="button"
                    data-testid="notification-item"
                    onClick={() => {
                      if (!n.readAt) markRead.mutate({ ids: [n.id] });
                      setIsOpen(false);
                      router.push(n.link);
                    }}
                    className={`block w-full px-3 py-2 text-left text-sm hover:bg-slate-50 ${n.readAt ? 'text-slate-500' : 'font-medium text-slate-900'}`}
                  >
                    {!n.readAt ? (
                      <span aria-hidden className="mr-1.5 inline-block h-2 w-2 rounded-full bg-amber-500" />
                    ) : null}
                    {t(`kind.${n.kind}`, n.params)}
                    <span className="block text-xs font-normal text-slate-400">{formatDateTime(n.createdAt)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  );
};
