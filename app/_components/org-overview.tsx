import { getServerCaller } from '@/server/api/server-caller';
import { loadPortalMe } from './portal-me';
import type { Portal } from './portal-shell';
import { getServerT } from '@/server/i18n/request-locale';
import { Badge, ORG_STATUS_TONE } from '@/components/ui/badge';
import { Card, PageTitle } from '@/components/ui/card';
import { formatDate } from '@/lib/format';
import { RenewalPrompt } from '@/components/admission/renewal-prompt';

/** The portal home: who you are, which organization you act for, and what your role lets you do; a portal may put its desk above. */
export const OrgOverview = async ({ portal, children }: { portal: Portal; children?: React.ReactNode }) => {
  const t = await getServerT();
  const me = await loadPortalMe(portal);
  const org = await (await getServerCaller()).org.get();
  const rows: [string, React.ReactNode][] = [
    [t('overview.orgName'), org.name],
    [t('overview.orgType'), t(`orgType.${org.type}`)],
    [
      t('fields.creditCode'),
      <span key="code" className="font-mono">
        {org.creditCode}
      </span>,
    ],
    [
      t('overview.orgStatus'),
      <Badge key="status" tone={ORG_STATUS_TONE[org.status]}>
        {t(`orgStatus.${org.status}`)}
      </Badge>,
    ],
    ...(org.tier
      ? ([
          [
            t('overview.tier'),
            <Badge key="tier" tone="blue">
              {t('review.tierLabel', { tier: org.tier })}
            </Badge>,
          ],
          [t('overview.admissionExpires'), formatDate(org.admissionExpiresAt)],
        ] as [string, React.ReactNode][])
      : []),
    [t('overview.activeUsers'), org.activeUserCount],
    [t('overview.since'), formatDate(org.createdAt)],
  ];
  return (
    <>
      <PageTitle title={t('overview.welcome', { name: me.name })} subtitle={t(`overview.portalIntro.${org.type}`)} />
      {org.type !== 'platform' ? <RenewalPrompt canApply={me.permissions.includes('admission.apply')} /> : null}
      {children}
      <div className="grid gap-5 lg:grid-cols-2">
        <Card title={t('overview.orgCard')}>
          <dl className="grid grid-cols-3 gap-x-4 gap-y-3 text-sm" data-testid="org-overview">
            {rows.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-slate-500">{k}</dt>
                <dd className="col-span-2 text-slate-900">{v}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card title={t('overview.roleCard', { role: t(`roles.${me.orgType}.${me.role}`) })}>
          {me.permissions.length === 0 ? (
            <p className="text-sm text-slate-500">{t('overview.noExtraPermissions')}</p>
          ) : (
            <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700" data-testid="permission-list">
              {me.permissions.map((p) => (
                <li key={p}>{t(`permissions.${p.replaceAll('.', '_')}`)}</li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
};
