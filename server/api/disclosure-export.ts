import { z } from 'zod';
import { getDb } from '@/db/client';
import { getDisclosure, getPublishedDisclosure, type DisclosureFigures } from '../domain/money/disclosure';
import { formatDateTime } from '@/lib/format';
import { hasPermission } from '../auth/permissions';
import { DomainError } from '../errors';
import { getTranslate, type Translate } from '../i18n/translate';
import { disclosurePdf, disclosureRows, disclosureTitle } from '../reports/disclosure-files';
import { localeFromHeaders } from './context';
import { pdfResponse, xlsxResponse } from './download';
import { asRouteCaller } from './route-caller';

/** The report as a download: `pdf` or `xlsx`, named after its title. */
const disclosureResponse = async (
  f: DisclosureFigures,
  t: Translate,
  generatedAt: string,
  format: 'pdf' | 'xlsx',
): Promise<Response> => {
  const name = disclosureTitle(f, t);
  if (format === 'pdf') return pdfResponse(await disclosurePdf(f, t, generatedAt), `${name}.pdf`);
  return xlsxResponse(disclosureRows(f, t, generatedAt), f.month, `${name}.xlsx`);
};

const format = (req: Request): 'pdf' | 'xlsx' =>
  new URL(req.url).searchParams.get('format') === 'xlsx' ? 'xlsx' : 'pdf';

/** The caller's monthly disclosure (its creditor's, or the platform's for staff) as PDF or XLSX. */
export const exportDisclosure = (req: Request, month: string) =>
  asRouteCaller(req, async (db, caller, locale) => {
    if (!hasPermission(caller.actor, 'disclosure.read')) throw new DomainError('auth.forbidden');
    const { figures } = await getDisclosure(db, caller, month);
    return disclosureResponse(figures, getTranslate(locale), formatDateTime(new Date()), format(req));
  });

/** A published disclosure, as it was published, for anyone. */
export const exportPublishedDisclosure = async (req: Request, id: string) => {
  const t = getTranslate(localeFromHeaders(req.headers));
  const fail = (e: DomainError) =>
    new Response(JSON.stringify({ error: t(`errors.${e.code}`) }), {
      status: e.code === 'disclosure.notFound' ? 404 : 500,
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
  if (!z.uuid().safeParse(id).success) return fail(new DomainError('disclosure.notFound'));
  try {
    const d = await getPublishedDisclosure(getDb(), id);
    return await disclosureResponse(d.figures, t, formatDateTime(d.publishedAt), format(req));
  } catch (e) {
    if (e instanceof DomainError) return fail(e);
    throw e;
  }
};
