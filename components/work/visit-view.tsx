'use client';

import type { ReactNode } from 'react';
import { useTranslations } from 'use-intl';
import type { TVisit } from '@/server/api/routers/work/work.schema';
import { formatBytes, formatDateTime } from '@/lib/format';
import { Badge, type Tone } from '../ui/badge';

const STATUS_TONE: Record<TVisit['status'], Tone> = { planned: 'blue', visited: 'green', cancelled: 'slate' };

/**
 * One piece of evidence as anyone entitled sees it: the photo itself, a player for audio
 * and video, what it is, who uploaded it when, and its SHA-256 (the server refuses to
 * serve bytes that no longer match it).
 */
const EvidenceItem = ({ e, timeZone }: { e: TVisit['evidence'][number]; timeZone: string }) => {
  const t = useTranslations('visits');
  const src = `/api/files/${e.fileId}?name=${encodeURIComponent(e.fileName)}`;
  return (
    <li className="flex gap-3 rounded-md p-2 ring-1 ring-slate-200" data-testid="evidence-item" data-kind={e.kind}>
      <div className="w-48 shrink-0">
        {e.kind === 'photo' ? (
          // A plain img: the bytes come from the file route with its session check, not from a static asset.
          <img src={src} alt={e.fileName} className="max-h-32 rounded object-cover" data-testid="evidence-photo" />
        ) : e.kind === 'audio' ? (
          <audio controls preload="metadata" src={src} className="w-48" data-testid="evidence-audio" />
        ) : (
          <video
            controls
            preload="metadata"
            src={src}
            className="max-h-32 w-48 rounded bg-black"
            data-testid="evidence-video"
          />
        )}
      </div>
      <div className="min-w-0 space-y-1 text-xs text-slate-600">
        <div className="flex flex-wrap items-center gap-2 text-sm text-slate-900">
          <Badge tone="slate">{t(`kind.${e.kind}`)}</Badge>
          <span className="truncate">{e.fileName || e.sha256.slice(0, 12)}</span>
          {e.late ? <Badge tone="amber">{t('late')}</Badge> : null}
        </div>
        <div>
          {formatBytes(e.size)} · {e.mime} ·{' '}
          {t('by', { name: e.uploadedByName, at: formatDateTime(e.createdAt, timeZone) })}
        </div>
        <div className="font-mono break-all" title={e.sha256} data-testid="evidence-hash">
          {t('hash')} {e.sha256}
        </div>
        <a className="text-amber-700 underline" href={`${src}&download=1`}>
          {t('download')}
        </a>
      </div>
    </li>
  );
};

/** The flags a visit carries (evidence missing a day later). */
export const VisitFlags = ({ flags }: { flags: { rule: string; values: Record<string, string | number> }[] }) => {
  const t = useTranslations('visits');
  return (
    <>
      {flags.map((f) => (
        <span key={f.rule} data-testid="visit-flag">
          <Badge tone="red">
            {t(`flag.${f.rule}`, {
              missing: String(f.values.missing ?? '')
                .split(',')
                .filter(Boolean)
                .map((k) => t(`missing.${k}`))
                .join(' / '),
            })}
          </Badge>
        </span>
      ))}
    </>
  );
};

/**
 * A visit: when it was planned for and by whom, its staff and address, its status and
 * record, its flags and its evidence. `children` holds what the viewer may do with it.
 */
export const VisitView = ({
  visit: v,
  timeZone,
  agencyName,
  children,
}: {
  visit: TVisit;
  timeZone: string;
  agencyName?: string;
  children?: ReactNode;
}) => {
  const t = useTranslations('visits');
  return (
    <li className="space-y-3 rounded-lg bg-white p-4 ring-1 ring-slate-200" data-testid="visit" data-status={v.status}>
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={STATUS_TONE[v.status]}>{t(`status.${v.status}`)}</Badge>
        <span className="text-sm font-medium text-slate-900">
          {v.visitedAt
            ? t('visitedAt', { at: formatDateTime(v.visitedAt, timeZone) })
            : t('plannedFor', { at: formatDateTime(v.plannedFor, timeZone) })}
        </span>
        {agencyName ? <span className="text-sm text-slate-600">· {agencyName}</span> : null}
        <VisitFlags flags={v.flags} />
      </div>
      <dl className="grid gap-x-6 gap-y-1 text-sm md:grid-cols-2">
        <div>
          <dt className="mr-2 inline text-slate-500">{t('address')}</dt>
          <dd className="inline">{v.address}</dd>
        </div>
        <div>
          <dt className="mr-2 inline text-slate-500">{t('staff')}</dt>
          <dd className="inline" data-testid="visit-staff">
            {v.staff.map((s) => s.name).join('、')}
          </dd>
        </div>
        {v.purpose ? (
          <div>
            <dt className="mr-2 inline text-slate-500">{t('purpose')}</dt>
            <dd className="inline">{v.purpose}</dd>
          </div>
        ) : null}
        <div className="text-slate-500">
          {t('plannedFor', { at: formatDateTime(v.plannedFor, timeZone) })} ·{' '}
          {t('plannedBy', { name: v.plannedByName })}
        </div>
        {v.cancelReason ? <div className="text-slate-500">{t('cancelledAt', { reason: v.cancelReason })}</div> : null}
      </dl>
      {v.status === 'visited' ? (
        <div>
          <h4 className="mb-2 text-sm font-medium text-slate-700">{t('evidence')}</h4>
          {v.evidence.length === 0 ? (
            <p className="text-sm text-slate-500">{t('noEvidence')}</p>
          ) : (
            <ul className="grid gap-2 lg:grid-cols-2">
              {v.evidence.map((e) => (
                <EvidenceItem key={e.id} e={e} timeZone={timeZone} />
              ))}
            </ul>
          )}
        </div>
      ) : null}
      {children}
    </li>
  );
};
