import type { ReactNode } from 'react';
import { getServerT } from '@/server/i18n/request-locale';
import type { TGetMeOutput } from '@/server/api/routers/me/me.schema';
import { LanguageSwitch } from '@/components/i18n/language-switch';
import { ChangePasswordButton } from '@/components/shell/change-password-button';
import { NavLink } from '@/components/shell/nav-link';
import { NotificationBell } from '@/components/shell/notification-bell';
import { SignOutButton } from '@/components/shell/sign-out-button';

export type Portal = 'creditor' | 'agency' | 'staff' | 'apply';

type NavItem = { href: string; key: string; permission?: string; exact?: boolean };

// Role-aware navigation: an entry shows only when the role holds its permission.
const NAV: Record<Portal, NavItem[]> = {
  creditor: [
    { href: '/creditor', key: 'overview', exact: true },
    { href: '/creditor/dashboard', key: 'dashboard', permission: 'cases.read' },
    { href: '/creditor/imports', key: 'imports', permission: 'cases.read' },
    { href: '/creditor/packages', key: 'packages', permission: 'cases.read' },
    { href: '/creditor/cases', key: 'cases', permission: 'cases.read' },
    { href: '/creditor/activity', key: 'activity', permission: 'cases.read' },
    { href: '/creditor/visits', key: 'visits', permission: 'cases.record' },
    { href: '/creditor/calls', key: 'calls', permission: 'calls.read' },
    { href: '/creditor/repayments', key: 'repayments', permission: 'cases.read' },
    { href: '/creditor/statements', key: 'statements', permission: 'statements.read' },
    { href: '/creditor/disclosure', key: 'disclosure', permission: 'disclosure.read' },
    { href: '/creditor/restructures', key: 'restructures', permission: 'cases.read' },
    { href: '/creditor/holds', key: 'holds', permission: 'cases.read' },
    { href: '/creditor/complaints', key: 'complaints', permission: 'complaints.read' },
    { href: '/creditor/sanctions', key: 'sanctions', permission: 'sanctions.read' },
    { href: '/creditor/ratings', key: 'ratings', permission: 'scorecards.read' },
    { href: '/creditor/scorecard', key: 'creditorScorecard', permission: 'scorecards.read' },
    { href: '/creditor/templates', key: 'messageTemplates', permission: 'cases.read' },
    { href: '/creditor/users', key: 'users', permission: 'org.users.read' },
    { href: '/creditor/api', key: 'api', permission: 'org.apiKeys.manage' },
    { href: '/creditor/webhooks', key: 'webhooks', permission: 'org.apiKeys.manage' },
    { href: '/creditor/payments', key: 'payments', permission: 'payments.manage' },
  ],
  agency: [
    { href: '/agency', key: 'overview', exact: true },
    { href: '/agency/market', key: 'market', permission: 'market.read' },
    { href: '/agency/cases', key: 'agencyCases', permission: 'cases.work' },
    { href: '/agency/calls', key: 'calls', permission: 'calls.read' },
    { href: '/agency/templates', key: 'messageTemplates', permission: 'cases.work' },
    { href: '/agency/money', key: 'money', permission: 'statements.read' },
    { href: '/agency/complaints', key: 'complaints', permission: 'complaints.read' },
    { href: '/agency/sanctions', key: 'sanctions', permission: 'sanctions.read' },
    { href: '/agency/inspections', key: 'inspections', permission: 'inspections.perform' },
    { href: '/agency/scorecard', key: 'scorecard', permission: 'scorecards.read' },
    { href: '/agency/creditor-ratings', key: 'creditorRatings', permission: 'scorecards.read' },
    { href: '/agency/statements', key: 'statements', permission: 'statements.read' },
    { href: '/agency/users', key: 'users', permission: 'org.users.read' },
    { href: '/agency/api', key: 'api', permission: 'org.apiKeys.manage' },
    { href: '/agency/webhooks', key: 'webhooks', permission: 'org.apiKeys.manage' },
  ],
  apply: [{ href: '/apply', key: 'application', exact: true }],
  staff: [
    { href: '/staff', key: 'overview', exact: true },
    { href: '/staff/admission', key: 'admission', permission: 'admission.review', exact: true },
    { href: '/staff/admission/templates', key: 'templates', permission: 'admission.review' },
    { href: '/staff/orgs', key: 'orgs', permission: 'staff.orgs.read' },
    { href: '/staff/rules', key: 'rules', permission: 'rules.read' },
    { href: '/staff/calendar', key: 'calendar', permission: 'calendar.read' },
    { href: '/staff/complaints', key: 'complaints', permission: 'complaints.read' },
    { href: '/staff/sanctions', key: 'sanctions', permission: 'sanctions.read' },
    { href: '/staff/audits', key: 'fieldAudits', permission: 'audits.read' },
    { href: '/staff/inspections', key: 'inspections', permission: 'inspections.perform', exact: true },
    { href: '/staff/inspections/form', key: 'inspectionForm', permission: 'inspections.forms.manage' },
    { href: '/staff/scorecards', key: 'scorecards', permission: 'scorecards.read' },
    { href: '/staff/creditor-scorecards', key: 'creditorScorecards', permission: 'scorecards.read' },
    { href: '/staff/visits', key: 'visits', permission: 'cases.record' },
    { href: '/staff/calls', key: 'calls', permission: 'calls.read' },
    { href: '/staff/disclosure', key: 'disclosure', permission: 'disclosure.read' },
    { href: '/staff/audit', key: 'audit', permission: 'staff.audit.read' },
    { href: '/staff/users', key: 'staffUsers', permission: 'org.users.read' },
  ],
};

export const PortalShell = async ({
  portal,
  me,
  children,
}: {
  portal: Portal;
  me: TGetMeOutput;
  children: ReactNode;
}) => {
  const t = await getServerT();
  // An admitted organization renewing its admission keeps its way back to its portal.
  const back: NavItem[] =
    portal === 'apply' && me.orgStatus !== 'applicant' && me.orgType !== 'platform'
      ? [{ href: `/${me.orgType}`, key: 'backToPortal' }]
      : [];
  const items = [...back, ...NAV[portal]].filter((i) => !i.permission || me.permissions.includes(i.permission));
  return (
    <div className="min-h-screen bg-slate-50">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl items-center justify-between gap-4 px-4 py-2.5">
          <div className="flex items-center gap-3">
            <span
              aria-hidden
              className="inline-block h-6 w-6 rounded-full bg-gradient-to-br from-amber-300 to-amber-600"
            />
            <span className="font-semibold text-slate-900">{t('common.product')}</span>
            <span className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-600" data-testid="portal-name">
              {t(`shell.portal.${portal}`)}
            </span>
          </div>
          <div className="flex items-center gap-3">
            <NotificationBell />
            <LanguageSwitch />
            <div className="text-right text-sm leading-tight" data-testid="signed-in-user">
              <div className="font-medium text-slate-900">
                {me.name}{' '}
                <span className="text-xs font-normal text-slate-500">· {t(`roles.${me.orgType}.${me.role}`)}</span>
              </div>
              <div className="text-xs text-slate-500" data-testid="signed-in-org">
                {me.orgName}
              </div>
            </div>
            <ChangePasswordButton />
            <SignOutButton />
          </div>
        </div>
      </header>
      <div className="mx-auto flex max-w-7xl gap-6 px-4 py-6">
        <nav className="w-48 shrink-0 space-y-1" aria-label={t('shell.navigation')} data-testid="portal-nav">
          {items.map((i) => (
            <NavLink key={i.href} href={i.href} exact={i.exact}>
              {t(`shell.nav.${i.key}`)}
            </NavLink>
          ))}
        </nav>
        <main className="min-w-0 flex-1">{children}</main>
      </div>
    </div>
  );
};
