import { and, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { ActionChannel, TemplateStatus } from '@/lib/enums';
import { commissions, messageTemplates, packages, type MessageTemplate } from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { notify } from '../notifications/notify';
import { findForbiddenPhrases } from '../rules/engine';
import { afterCursor, decodeCursor, toPage } from '../shared/keyset';
import { activeRules } from './rules';

const view = (t: MessageTemplate & { packageName?: string }) => ({
  id: t.id,
  packageId: t.packageId,
  packageName: t.packageName ?? '',
  channel: t.channel,
  title: t.title,
  body: t.body,
  status: t.status,
  decidedAt: t.decidedAt,
  decisionNote: t.decisionNote,
  createdAt: t.createdAt,
});
export type TemplateView = ReturnType<typeof view>;

/**
 * The agency submits a template for one of the packages it works. A forbidden phrase
 * refuses it outright (NIFA 2018: hard for templates); the package's creditor is asked.
 */
export const submitTemplate = async (
  db: DbOrTx,
  caller: Caller,
  input: { packageId: string; channel: ActionChannel; title: string; body: string },
) =>
  db.transaction(async (tx) => {
    const [pkg] = await tx
      .select({ id: packages.id, name: packages.name, creditorId: packages.creditorId })
      .from(packages)
      .innerJoin(commissions, eq(commissions.packageId, packages.id))
      .where(
        and(
          eq(packages.id, input.packageId),
          eq(commissions.agencyId, caller.actor.orgId),
          eq(commissions.status, 'active'),
        ),
      )
      .limit(1);
    if (!pkg) throw new DomainError('package.notFound', { field: 'packageId' });
    const found = findForbiddenPhrases(await activeRules(tx), `${input.title}\n${input.body}`);
    if (found.length > 0)
      throw new DomainError('template.forbiddenPhrase', {
        field: 'body',
        // Each wording with the family it falls into, in either language.
        values: {
          found: found.map((f) => `“${f.phrase}”（${f.family}）`).join('、'),
          foundEn: found.map((f) => `“${f.phrase}” (${f.familyEn})`).join(', '),
        },
      });
    const [row] = await tx
      .insert(messageTemplates)
      .values({
        agencyId: caller.actor.orgId,
        creditorId: pkg.creditorId,
        packageId: pkg.id,
        channel: input.channel,
        title: input.title,
        body: input.body,
        createdBy: caller.actor.userId,
      })
      .returning();
    if (!row) throw new DomainError('template.notFound');
    await notify(
      tx,
      { orgId: pkg.creditorId, roles: ['admin', 'manager'] },
      'template.submitted',
      { packageName: pkg.name, title: input.title },
      '/creditor/templates',
    );
    await writeAudit(tx, caller, {
      action: 'template.submit',
      resourceType: 'template',
      resourceId: row.id,
      orgId: pkg.creditorId,
      after: { packageId: pkg.id, channel: row.channel, title: row.title },
    });
    return view({ ...row, packageName: pkg.name });
  });

/** The package's creditor approves or rejects a submitted template. */
export const decideTemplate = async (
  db: DbOrTx,
  caller: Caller,
  input: { templateId: string; approve: boolean; note: string },
  now = new Date(),
) =>
  db.transaction(async (tx) => {
    const [t] = await tx
      .select()
      .from(messageTemplates)
      .where(and(eq(messageTemplates.id, input.templateId), eq(messageTemplates.creditorId, caller.actor.orgId)))
      .for('update');
    if (!t) throw new DomainError('template.notFound', { field: 'templateId' });
    if (t.status !== 'submitted') throw new DomainError('template.decided');
    const status: TemplateStatus = input.approve ? 'approved' : 'rejected';
    const [saved] = await tx
      .update(messageTemplates)
      .set({ status, decidedBy: caller.actor.userId, decidedAt: now, decisionNote: input.note })
      .where(eq(messageTemplates.id, t.id))
      .returning();
    if (!saved) throw new DomainError('template.notFound');
    await notify(
      tx,
      { orgId: t.agencyId, roles: ['admin', 'supervisor'] },
      'template.decided',
      { title: t.title, status },
      '/agency/templates',
    );
    await writeAudit(tx, caller, {
      action: 'template.decide',
      resourceType: 'template',
      resourceId: t.id,
      orgId: t.creditorId,
      before: { status: 'submitted' },
      after: { status, note: input.note },
    });
    return view(saved);
  });

const withPackage = async (db: DbOrTx, rows: MessageTemplate[]) => {
  const ids = [...new Set(rows.map((r) => r.packageId))];
  const names = ids.length
    ? await db.select({ id: packages.id, name: packages.name }).from(packages).where(inArray(packages.id, ids))
    : [];
  return rows.map((r) => view({ ...r, packageName: names.find((n) => n.id === r.packageId)?.name ?? '' }));
};

/** The agency's templates, optionally of one package and status (approved ones for sending). */
export const listAgencyTemplates = async (
  db: DbOrTx,
  caller: Caller,
  input: { packageId?: string | undefined; status?: TemplateStatus | undefined },
) =>
  withPackage(
    db,
    await db
      .select()
      .from(messageTemplates)
      .where(
        and(
          eq(messageTemplates.agencyId, caller.actor.orgId),
          input.packageId ? eq(messageTemplates.packageId, input.packageId) : undefined,
          input.status ? eq(messageTemplates.status, input.status) : undefined,
        ),
      )
      .orderBy(desc(messageTemplates.createdAt))
      .limit(200),
  );

/** The templates agencies submitted for the creditor's packages, keyset-paginated. */
export const listCreditorTemplates = async (
  db: DbOrTx,
  caller: Caller,
  input: { status?: TemplateStatus | undefined; cursor?: string | null | undefined; limit: number },
) => {
  const cursor = decodeCursor(input.cursor);
  const rows = await db
    .select()
    .from(messageTemplates)
    .where(
      and(
        eq(messageTemplates.creditorId, caller.actor.orgId),
        input.status ? eq(messageTemplates.status, input.status) : undefined,
        cursor ? afterCursor(messageTemplates.createdAt, messageTemplates.id, cursor) : undefined,
      ),
    )
    .orderBy(desc(messageTemplates.createdAt), desc(messageTemplates.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (r) => ({ at: r.createdAt, id: r.id }));
  return { items: await withPackage(db, page.items), nextCursor: page.nextCursor };
};

/** An approved template of the case's package for this channel, or a translated refusal naming the field. */
export const approvedTemplate = async (
  db: DbOrTx,
  caller: Caller,
  input: { templateId: string | undefined; packageId: string | null; channel: ActionChannel },
) => {
  if (!input.templateId) throw new DomainError('template.required', { field: 'templateId' });
  const [t] = await db
    .select()
    .from(messageTemplates)
    .where(
      and(
        eq(messageTemplates.id, input.templateId),
        eq(messageTemplates.agencyId, caller.actor.orgId),
        eq(messageTemplates.status, 'approved'),
      ),
    );
  if (!t || t.packageId !== input.packageId || t.channel !== input.channel)
    throw new DomainError('template.notApproved', { field: 'templateId' });
  return t;
};

/** The packages the agency works now (an active commission), to draft templates for. */
export const listWorkedPackages = (db: DbOrTx, caller: Caller) =>
  db
    .selectDistinct({ id: packages.id, name: packages.name })
    .from(packages)
    .innerJoin(commissions, eq(commissions.packageId, packages.id))
    .where(and(eq(commissions.agencyId, caller.actor.orgId), eq(commissions.status, 'active')))
    .orderBy(packages.name)
    .limit(200);
