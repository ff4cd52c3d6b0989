'use client';

import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';

/** Shown once after a key is made: the only copy of its secret. */
export const KeySecret = ({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) => {
  const t = useTranslations('apiKeys');
  const [isCopied, setCopied] = useState(false);
  return (
    <Alert tone="success" testId="key-secret">
      <p>{t('created', { name })}</p>
      <div className="mt-2 flex items-center gap-2">
        <code
          className="min-w-0 flex-1 truncate rounded bg-white px-2 py-1 font-mono text-xs text-slate-800 ring-1 ring-slate-200"
          data-testid="key-secret-value"
        >
          {secret}
        </code>
        <Button
          variant="secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(secret).then(() => setCopied(true));
          }}
        >
          {isCopied ? t('copied') : t('copy')}
        </Button>
        <Button variant="secondary" onClick={onDone} data-testid="key-secret-done">
          {t('stored')}
        </Button>
      </div>
      <p className="mt-1 text-xs">{t('secretOnce')}</p>
    </Alert>
  );
};
