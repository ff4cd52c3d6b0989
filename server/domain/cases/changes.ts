import { and, desc, eq, or } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { evidenceKindOf } from '@/lib/file-types';
import type { CaseChangeField, CaseChangeSource, FindingSource } from '@/lib/enums';
import {
  caseChanges,
  cases,
  organizations,
  storedFiles,
  users,
  type CaseChangeValue,
  type CasePhone,
} from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { blindIndex, maskName } from '../../pii/crypto';
import { loadCaseToAct, loadWorkCase } from '../work/case-access';
import { ownFile } from '../files/files';
import { normalisePhone } from './import-row';
import { sealPhone } from './seal';

// Debtor data changes (失联修复, issue 17 §7). An agency that finds a new number or address
// for a debtor records it with its source and, if it has one, evidence. The number is
// sealed like an imported one and appended to the case: the work screen and every action
// name a number by its position, so nothing is removed or reordered, and the same rule
// engine applies to it by its blind index (caps, window, stage, wrong person). Each change
// is a row of the append-only case_changes history, which the creditor reads.

const MAX_ADDRESS = 200;

/** Whether a number is still in use (a retired one keeps its place, refused by the work screen). */
export const isActivePhone = (p: CasePhone) => !p.retiredAt;

export type FindingInput = {
  caseId: string;
  source: FindingSource;
  note: string;
  evidenceFileId?: string | null | undefined;
} & ({ kind: 'phone'; phone: string } | { kind: 'address'; address: string });

/** Evidence of a finding: a photo, a recording, a video or a PDF of the caller's own organization. */
const evidenceFile = async (db: DbOrTx, caller: Caller, fileId: string | null | undefined) => {
  if (!fileId) return null;
  const file = await ownFile(db, caller, fileId, 'evidenceFileId');
  if (!evidenceKindOf(file.mime) && file.mime !== 'application/pdf')
    throw new DomainError('caseChange.evidenceType', { field: 'evidenceFileId' });
  return file;
};

/**
 * Records what the agency found: a new number (checked like an imported one; one the
 * debtor already has in use is refused naming the field) or a new address. One transaction
 * with the change row and the audit row; the case is locked, and refused while its
 * commission is frozen.
 */
export const recordFinding = async (db: DbOrTx, caller: Caller, input: FindingInput, now = new Date()) =>
  db.transaction(async (tx) => {
    const c = await loadCaseToAct(tx, caller, input.caseId);
    const evidence = await evidenceFile(tx, caller, input.evidenceFileId);
    const base = {
      caseId: c.row.id,
      creditorId: c.row.creditorId,
      source: input.source,
      evidenceFileId: evidence?.id ?? null,
      actorId: caller.actor.userId,
      orgId: caller.actor.orgId,
      note: input.note.trim(),
      createdAt: now,
    };
    let field: CaseChangeField;
    let oldValue: CaseChangeValue | null = null;
    let newValue: CaseChangeValue;
    if (input.kind === 'phone') {
      const phone = normalisePhone(input.phone);
      if (!phone) throw new DomainError('caseChange.phone', { field: 'phone' });
      const idx = blindIndex(phone);
      if (c.row.phones.some((p) => p.idx === idx && isActivePhone(p)))
        throw new DomainError('caseChange.phoneExists', { field: 'phone' });
      const sealed: CasePhone = { ...sealPhone(phone), source: input.source, addedAt: now.toISOString() };
      const phones = [...c.row.phones, sealed];
      await tx.update(cases).set({ phones, updatedAt: now }).where(eq(cases.id, c.row.id));
      field = 'phone_added';
      newValue = { phone: { enc: sealed.enc, idx: sealed.idx, masked: sealed.masked }, position: phones.length - 1 };
    } else {
      const address = input.address.trim();
      if (address === '') throw new DomainError('caseChange.addressRequired', { field: 'address' });
      if ([...address].length > MAX_ADDRESS) throw new DomainError('caseChange.addressRequired', { field: 'address' });
      if (address === (c.row.address ?? '')) throw new DomainError('caseChange.addressSame', { field: 'address' });
      await tx.update(cases).set({ address, updatedAt: now }).where(eq(cases.id, c.row.id));
      field = 'address';
      oldValue = { address: c.row.address };
      newValue = { address };
    }
    const [change] = await tx
      .insert(caseChanges)
      .values({ ...base, field, oldValue, newValue })
      .returning({ id: caseChanges.id });
    if (!change) throw new DomainError('case.notFound');
    await writeAudit(tx, caller, {
      action: 'case.changeRecorded',
      resourceType: 'case',
      resourceId: c.row.id,
      orgId: c.row.creditorId,
      // Only what the history shows: the mask, never the number.
      after: {
        changeId: change.id,
        field,
        source: input.source,
        value: 'phone' in newValue ? newValue.phone.masked : 'address' in newValue ? newValue.address : null,
        evidenceFileId: evidence?.id ?? null,
      },
    });
    return { id: change.id, field };
  });

export type ChangeView = {
  id: string;
  field: CaseChangeField;
  source: CaseChangeSource;
  /** What the change shows: a masked number, a contact, an address or an amount in fen. */
  oldValue: ChangeValueView | null;
  newValue: ChangeValueView | null;
  note: string;
  actorName: string;
  orgName: string;
  importId: string | null;
  evidence: { fileId: string; mime: string; size: number; sha256: string } | null;
  createdAt: Date;
};
export type ChangeValueView =
  | { kind: 'phone'; masked: string; position: number }
  | { kind: 'contact'; name: string; relation: string; masked: string; position: number }
  | { kind: 'address'; address: string | null }
  | { kind: 'amount'; amount: number };

const valueView = (v: CaseChangeValue | null): ChangeValueView | null => {
  if (!v) return null;
  if ('phone' in v) return { kind: 'phone', masked: v.phone.masked, position: v.position };
  if ('contact' in v)
    return {
      kind: 'contact',
      name: maskName(v.contact.name),
      relation: v.contact.relation,
      masked: v.contact.phone.masked,
      position: v.position,
    };
  if ('address' in v) return { kind: 'address', address: v.address };
  return { kind: 'amount', amount: v.amount };
};

const CHANGES_SHOWN = 200;

/**
 * A case's change history, newest first. `agencyId` narrows it to what an agency reads:
 * its own findings and the creditor's update files (another agency's notes stay with the
 * creditor, DESIGN §3), though the numbers they added are on the case either way.
 */
export const changesOfCase = async (db: DbOrTx, caseId: string, agencyId?: string): Promise<ChangeView[]> => {
  const rows = await db
    .select({
      c: caseChanges,
      actorName: users.name,
      orgName: organizations.name,
      mime: storedFiles.mime,
      size: storedFiles.size,
      sha256: storedFiles.sha256,
    })
    .from(caseChanges)
    .innerJoin(users, eq(users.id, caseChanges.actorId))
    .innerJoin(organizations, eq(organizations.id, caseChanges.orgId))
    .leftJoin(storedFiles, eq(storedFiles.id, caseChanges.evidenceFileId))
    .where(
      and(
        eq(caseChanges.caseId, caseId),
        agencyId ? or(eq(caseChanges.orgId, agencyId), eq(caseChanges.source, 'creditor_file')) : undefined,
      ),
    )
    .orderBy(desc(caseChanges.createdAt), desc(caseChanges.id))
    .limit(CHANGES_SHOWN);
  return rows.map(({ c, actorName, orgName, mime, size, sha256 }) => ({
    id: c.id,
    field: c.field,
    source: c.source,
    oldValue: valueView(c.oldValue),
    newValue: valueView(c.newValue),
    note: c.note,
    actorName,
    orgName,
    importId: c.importId,
    evidence:
      c.evidenceFileId && mime && size !== null && sha256 ? { fileId: c.evidenceFileId, mime, size, sha256 } : null,
    createdAt: c.createdAt,
  }));
};

/** The agency's view of the history of a case it works. */
export const listWorkCaseChanges = async (db: DbOrTx, caller: Caller, caseId: string) => {
  const c = await loadWorkCase(db, caller, caseId);
  return changesOfCase(db, c.row.id, caller.actor.orgId);
};
