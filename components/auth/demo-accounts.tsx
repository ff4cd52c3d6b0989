'use client';

import { useTranslations } from 'use-intl';
import type { OrgStatus, OrgType, Role } from '@/lib/enums';

type Account = { email: string; name: string; role: Role; orgType: OrgType; orgName: string; orgStatus: OrgStatus };

/** Types into the sign-in form's field as a person would, so the form sees the change. */
const fill = (id: string, value: string) => {
  const el = document.getElementById(id);
  if (!(el instanceof HTMLInputElement)) return;
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
};

/** Development only: the seeded accounts, one click to fill the form. */
export const DemoAccounts = ({ accounts, password }: { accounts: Account[]; password: string }) => {
  const t = useTranslations();
  return (
    <div className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" data-testid="demo-accounts">
      <h2 className="text-sm font-semibold text-slate-900">{t('signin.demoTitle')}</h2>
      <p className="mt-1 text-xs text-slate-500">{t('signin.demoHint', { password })}</p>
      <ul className="mt-3 max-h-96 divide-y divide-slate-100 overflow-y-auto text-sm">
        {accounts.map((a) => (
          <li key={a.email}>
            <button
              type="button"
              className="flex w-full items-center justify-between gap-2 px-1 py-1.5 text-left hover:bg-amber-50"
              onClick={() => {
                fill('email', a.email);
                fill('password', password);
              }}
            >
              <span>
                <span className="font-medium text-slate-900">{a.name}</span>{' '}
                <span className="text-xs text-slate-500">
                  {t(`roles.${a.orgType}.${a.role}`)} · {a.orgName}
                  {a.orgStatus !== 'active' ? ` · ${t(`orgStatus.${a.orgStatus}`)}` : ''}
                </span>
              </span>
              <code className="text-xs text-slate-500">{a.email}</code>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
};
