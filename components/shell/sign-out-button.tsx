'use client';

import { signOut } from 'next-auth/react';
import { useTranslations } from 'use-intl';

export const SignOutButton = () => {
  const t = useTranslations('shell');
  return (
    <button
      type="button"
      data-testid="sign-out"
      onClick={() => void signOut({ callbackUrl: '/signin' })}
      className="rounded px-2 py-1 text-sm text-slate-600 hover:bg-slate-100"
    >
      {t('signOut')}
    </button>
  );
};
