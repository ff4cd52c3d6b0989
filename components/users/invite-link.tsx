'use client';

import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';

/** Shown once after an invitation: the link is the only copy of the token. */
export const InviteLink = ({ token, email }: { token: string; email: string }) => {
  const t = useTranslations('users');
  const [isCopied, setCopied] = useState(false);
  const url = `${typeof window === 'undefined' ? '' : window.location.origin}/invite/${token}`;
  return (
    <Alert tone="success" testId="invite-link">
      <p>{t('inviteCreated', { email })}</p>
      <div className="mt-2 flex items-center gap-2">
        <code
          className="min-w-0 flex-1 truncate rounded bg-white px-2 py-1 text-xs text-slate-700 ring-1 ring-slate-200"
          data-testid="invite-url"
        >
          {url}
        </code>
        <Button
          variant="secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(url).then(() => setCopied(true));
          }}
        >
          {isCopied ? t('copied') : t('copy')}
        </Button>
      </div>
      <p className="mt-1 text-xs">{t('inviteOnce')}</p>
    </Alert>
  );
};
