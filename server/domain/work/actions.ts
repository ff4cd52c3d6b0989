import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { formatMinutes } from '@/lib/contact-requests';
import { TEMPLATE_CHANNELS, type ActionOutcome } from '@/lib/enums';
import { caseActions, cases, promises, users, type CaseAction } from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { emitEvents } from '../webhooks/emit';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import type { Verdict } from '../rules/engine';
import { localTime } from '../rules/zone';
import { afterCursor, decodeCursor, toPage } from '../shared/keyset';
import { DEFAULT_TIME_ZONE, loadCaseToAct, loadWorkCase } from './case-access';
import { numberOf, verdictFor, type ContactIntent } from './rules';
import { approvedTemplate } from './templates';
import { holdsAfterAction } from './holds';

export type LogActionInput = ContactIntent & {
  caseId: string;
  outcome: ActionOutcome;
  promiseAmount?: number | undefined;
  promiseDate?: string | undefined;
  note: string;
  correctsId?: string | undefined;
  templateId?: string | undefined;
};

export type ActionView = Pick<
  CaseAction,
  | 'id'
  | 'channel'
  | 'target'
  | 'contactNo'
  | 'phoneMasked'
  | 'outcome'
  | 'promiseAmount'
  | 'promiseDate'
  | 'note'
  | 'flags'
  | 'ruleVersion'
  | 'correctsId'
  | 'at'
> & {
  actorName: string;
};

/** May this contact happen now? The same answer logAction gives, asked before dialling. */
export const canContact = async (
  db: DbOrTx,
  caller: Caller,
  input: ContactIntent & { caseId: string },
  now = new Date(),
): Promise<Verdict> => verdictFor(db, await loadCaseToAct(db, caller, input.caseId, false), input, now);

/** The refusal a collector reads: which rule, and when the next contact is allowed (Beijing time unless the case says otherwise). */
export const refusal = (verdict: Verdict, timeZone: string, field?: string) => {
  const first = verdict.violations[0];
  if (!first) return null;
  const next = verdict.nextAllowedAt ? localTime(verdict.nextAllowedAt, timeZone) : null;
  const when = next ? `${next.date} ${formatMinutes(next.minutes)}` : '';
  return new DomainError(`rules.${first.rule}`, {
    values: { next: when, ...(first.values ?? {}) },
    ...(field ? { field } : {}),
  });
};

/**
 * Logs a collection action. The debtor is locked for the transaction (an advisory lock on
 * the blind index), so that two collectors logging at the same instant cannot both pass a
 * cap; the rulebook then runs on the freshest history. A hard rule refuses the action, a
 * soft rule saves it with its flag; the case moves to working, or to a promise to pay.
 */
export const logAction = async (
  db: DbOrTx,
  caller: Caller,
  input: LogActionInput,
  now = new Date(),
  via: 'form' | 'visit' = 'form',
) =>
  db.transaction(async (tx) => {
    // The case row is locked first: a recall waiting on it finds the action, or the action finds the case gone.
    const c = await loadCaseToAct(tx, caller, input.caseId);
    // Then the person, then the number (always in this order, so two logs never wait on each other in a circle).
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`debtor:${c.row.idNumberIdx}`}, 0))`);
    const number =
      input.channel === 'call' || input.channel === 'sms' || input.target === 'contact' ? numberOf(c, input) : null;
    if (number) await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`phone:${number.idx}`}, 0))`);
    if (input.outcome === 'promise_to_pay') {
      if (!input.promiseAmount || input.promiseAmount <= 0)
        throw new DomainError('action.promiseAmount', { field: 'promiseAmount' });
      const today = localTime(now, c.row.timeZone ?? DEFAULT_TIME_ZONE).date;
      if (!input.promiseDate || input.promiseDate < today)
        throw new DomainError('action.promiseDate', { field: 'promiseDate' });
    }
    if (input.correctsId) {
      const [original] = await tx
        .select({ id: caseActions.id })
        .from(caseActions)
        .where(
          and(
            eq(caseActions.id, input.correctsId),
            eq(caseActions.caseId, c.row.id),
            eq(caseActions.agencyId, caller.actor.orgId),
          ),
        );
      if (!original) throw new DomainError('action.notFound', { field: 'correctsId' });
    }
    // SMS and letters go out only from a template the package's creditor approved.
    const template = (TEMPLATE_CHANNELS as readonly string[]).includes(input.channel)
      ? await approvedTemplate(tx, caller, {
          templateId: input.templateId,
          packageId: c.row.packageId,
          channel: input.channel,
        })
      : null;
    const verdict = await verdictFor(tx, c, { ...input, note: [input.note, template?.body ?? ''].join('\n') }, now);
    // A correction records what really happened earlier; it is not a new contact, so only
    // its flags apply, never the contact rules.
    const refused = input.correctsId ? null : refusal(verdict, c.row.timeZone ?? DEFAULT_TIME_ZONE);
    if (refused) throw refused;
    // A visit is recorded from its plan (two named staff, inside the window), never as a bare action.
    if (input.channel === 'visit' && via !== 'visit' && !input.correctsId)
      throw new DomainError('visit.planRequired', { field: 'channel' });
    const [action] = await tx
      .insert(caseActions)
      .values({
        caseId: c.row.id,
        creditorId: c.row.creditorId,
        agencyId: caller.actor.orgId,
        commissionId: c.row.commissionId ?? '',
        actorId: caller.actor.userId,
        debtorIdx: c.row.idNumberIdx,
        channel: input.channel,
        target: input.target,
        contactNo: input.target === 'contact' ? input.index : null,
        phoneIdx: number?.idx ?? null,
        phoneMasked: number?.masked ?? null,
        outcome: input.outcome,
        promiseAmount: input.outcome === 'promise_to_pay' ? (input.promiseAmount ?? null) : null,
        promiseDate: input.outcome === 'promise_to_pay' ? (input.promiseDate ?? null) : null,
        note: input.note,
        flags: verdict.flags,
        ruleVersion: verdict.ruleVersion,
        correctsId: input.correctsId ?? null,
        templateId: template?.id ?? null,
        at: now,
      })
      .returning();
    if (!action) throw new DomainError('action.notFound');
    let promiseId: string | null = null;
    if (action.outcome === 'promise_to_pay' && action.promiseAmount && action.promiseDate) {
      const [promise] = await tx
        .insert(promises)
        .values({
          caseId: c.row.id,
          actionId: action.id,
          agencyId: caller.actor.orgId,
          creditorId: c.row.creditorId,
          amount: action.promiseAmount,
          dueDate: action.promiseDate,
          createdAt: now,
        })
        .returning({ id: promises.id });
      promiseId = promise?.id ?? null;
    }
    // A deceased or disputed debtor stops collection until the creditor answers (holds.ts).
    const holds = await holdsAfterAction(tx, caller, c.row, action, now);
    // A corrected action's promise was never made as recorded: withdrawn, unless already kept.
    const withdrawn = input.correctsId
      ? await tx
          .update(promises)
          .set({ status: 'withdrawn' })
          .where(and(eq(promises.actionId, input.correctsId), inArray(promises.status, ['open', 'broken'])))
          .returning({ id: promises.id })
      : [];
    const stillPromised =
      withdrawn.length > 0
        ? (
            await tx
              .select({ id: promises.id })
              .from(promises)
              .where(and(eq(promises.caseId, c.row.id), eq(promises.status, 'open')))
              .limit(1)
          ).length > 0
        : c.row.status === 'ptp';
    const status =
      input.outcome === 'promise_to_pay'
        ? 'ptp'
        : c.row.status === 'commissioned'
          ? 'working'
          : c.row.status === 'ptp' && !stillPromised
            ? 'working'
            : c.row.status;
    if (status !== c.row.status) await tx.update(cases).set({ status, updatedAt: now }).where(eq(cases.id, c.row.id));
    await writeAudit(tx, caller, {
      action: 'case.action',
      resourceType: 'case',
      resourceId: c.row.id,
      orgId: c.row.creditorId,
      before: status !== c.row.status ? { status: c.row.status } : undefined,
      after: {
        actionId: action.id,
        channel: action.channel,
        target: action.target,
        outcome: action.outcome,
        flags: action.flags.map((f) => f.rule),
        ruleVersion: action.ruleVersion,
        ...(action.correctsId ? { correctsId: action.correctsId, withdrawnPromises: withdrawn.map((w) => w.id) } : {}),
        ...(status !== c.row.status ? { status } : {}),
        ...holds,
      },
    });
    // Both sides hear of the contact: ids, the masked number and the rule flags, never the note.
    const orgs = [c.row.creditorId, caller.actor.orgId];
    await emitEvents(tx, orgs, 'action.logged', {
      actionId: action.id,
      caseId: c.row.id,
      channel: action.channel,
      target: action.target,
      outcome: action.outcome,
      phoneMasked: action.phoneMasked,
      flags: action.flags.map((f) => f.rule),
      correctsId: action.correctsId,
      at: action.at.toISOString(),
    });
    if (promiseId)
      await emitEvents(tx, orgs, 'promise.created', {
        promiseId,
        caseId: c.row.id,
        actionId: action.id,
        amountFen: action.promiseAmount,
        dueDate: action.promiseDate,
      });
    return { action: { ...actionView(action), actorName: caller.actor.name }, flags: verdict.flags };
  });

/** An action as every history shows it: no number but the masked one. */
export const actionView = (a: CaseAction) => ({
  id: a.id,
  channel: a.channel,
  target: a.target,
  contactNo: a.contactNo,
  phoneMasked: a.phoneMasked,
  outcome: a.outcome,
  promiseAmount: a.promiseAmount,
  promiseDate: a.promiseDate,
  note: a.note,
  flags: a.flags,
  ruleVersion: a.ruleVersion,
  correctsId: a.correctsId,
  at: a.at,
});

/**
 * The case's action history as the agency sees it: its own actions only (a newly
 * commissioned agency does not read an earlier agency's notes), newest first.
 */
export const listCaseActions = async (
  db: DbOrTx,
  caller: Caller,
  input: { caseId: string; cursor?: string | null | undefined; limit: number },
) => {
  const c = await loadWorkCase(db, caller, input.caseId);
  const cursor = decodeCursor(input.cursor);
  const rows = await db
    .select({ action: caseActions, actorName: users.name })
    .from(caseActions)
    .innerJoin(users, eq(users.id, caseActions.actorId))
    .where(
      and(
        eq(caseActions.caseId, c.row.id),
        eq(caseActions.agencyId, caller.actor.orgId),
        cursor ? afterCursor(caseActions.at, caseActions.id, cursor) : undefined,
      ),
    )
    .orderBy(desc(caseActions.at), desc(caseActions.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (r) => ({ at: r.action.at, id: r.action.id }));
  return {
    items: page.items.map((r) => ({ ...actionView(r.action), actorName: r.actorName })),
    nextCursor: page.nextCursor,
  };
};
