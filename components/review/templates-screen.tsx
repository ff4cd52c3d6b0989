'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { formatDateTime } from '@/lib/format';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Card, PageTitle } from '../ui/card';
import { EmptyRow, Table, Td } from '../ui/table';
import { TemplateEditor } from './template-editor';

type Kind = 'agency' | 'creditor';

/** Admission scoring templates: every version readable; a platform admin publishes edits as a new version. */
export const TemplatesScreen = ({ canManage }: { canManage: boolean }) => {
  const t = useTranslations();
  const locale = useLocale() === 'en' ? 'en' : 'zh-CN';
  const trpc = useTRPC();
  const [kind, setKind] = useState<Kind>('agency');
  const [selected, setSelected] = useState<string | null>(null);
  const [isEditing, setIsEditing] = useState(false);
  const versions = useQuery(trpc.staff.admission.templates.list.queryOptions({ kind }));
  const activeId = versions.data?.[0]?.id ?? null;
  const templateId = selected ?? activeId;
  const template = useQuery({
    ...trpc.staff.admission.templates.get.queryOptions({ templateId: templateId ?? '' }),
    enabled: templateId !== null,
  });
  const error = errorInfo(versions.error) ?? errorInfo(template.error);
  const view = template.data;

  const switchKind = (k: Kind) => {
    setKind(k);
    setSelected(null);
    setIsEditing(false);
  };

  return (
    <>
      <PageTitle
        title={t('templates.title')}
        subtitle={t('templates.subtitle')}
        actions={(['agency', 'creditor'] as const).map((k) => (
          <Button
            key={k}
            variant={k === kind ? 'primary' : 'secondary'}
            onClick={() => switchKind(k)}
            data-testid={`templates-kind-${k}`}
          >
            {t(`templates.kind.${k}`)}
          </Button>
        ))}
      />
      {error ? <Alert>{error.message}</Alert> : null}
      <div className="grid gap-5 xl:grid-cols-5">
        <Card title={t('templates.versions')} className="xl:col-span-2">
          <Table
            testId="template-versions"
            head={[
              t('templates.version'),
              t('templates.publishedAt'),
              t('templates.criteriaCount'),
              t('templates.applications'),
            ]}
          >
            {(versions.data ?? []).length === 0 ? (
              <EmptyRow colSpan={4}>{versions.isPending ? t('common.loading') : t('templates.none')}</EmptyRow>
            ) : (
              versions.data?.map((v) => (
                <tr
                  key={v.id}
                  data-testid="template-version"
                  onClick={() => {
                    setSelected(v.id);
                    setIsEditing(false);
                  }}
                  className={`cursor-pointer hover:bg-amber-50 ${v.id === templateId ? 'bg-amber-50' : ''}`}
                >
                  <Td className="font-medium text-slate-900">
                    v{v.version} {v.isActive ? <Badge tone="green">{t('templates.active')}</Badge> : null}
                  </Td>
                  <Td>
                    {formatDateTime(v.createdAt)}
                    <span className="block text-xs text-slate-500">{v.createdByName ?? t('templates.system')}</span>
                  </Td>
                  <Td>{v.criteriaCount}</Td>
                  <Td>{v.applicationCount}</Td>
                </tr>
              ))
            )}
          </Table>
        </Card>
        <div className="xl:col-span-3">
          {view && isEditing ? (
            <TemplateEditor
              kind={kind}
              base={view}
              onCancel={() => setIsEditing(false)}
              onPublished={(id) => {
                setSelected(id);
                setIsEditing(false);
              }}
            />
          ) : view ? (
            <Card
              title={t('templates.viewTitle', { version: view.version })}
              actions={
                canManage && view.isActive ? (
                  <Button onClick={() => setIsEditing(true)} data-testid="edit-template">
                    {t('templates.edit')}
                  </Button>
                ) : !view.isActive ? (
                  <Badge tone="slate">{t('templates.archived')}</Badge>
                ) : null
              }
            >
              <Table
                testId="template-criteria"
                head={[t('templates.criterion'), t('templates.group'), t('templates.weight'), t('templates.guidance')]}
              >
                {view.criteria.map((c) => (
                  <tr key={c.key} data-testid="template-criterion">
                    <Td className="font-medium text-slate-900">
                      {c.label[locale]}
                      <span className="block font-mono text-xs text-slate-400">{c.key}</span>
                    </Td>
                    <Td>{t(`templates.groups.${c.group}`)}</Td>
                    <Td className="tabular-nums">{c.weight}</Td>
                    <Td>
                      <p className="min-w-64 whitespace-normal text-xs text-slate-600">{c.guidance[locale]}</p>
                    </Td>
                  </tr>
                ))}
                <tr>
                  <Td className="font-medium">{t('templates.total')}</Td>
                  <Td>{null}</Td>
                  <Td className="font-medium tabular-nums">{view.criteria.reduce((s, c) => s + c.weight, 0)}</Td>
                  <Td>{null}</Td>
                </tr>
              </Table>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
};
