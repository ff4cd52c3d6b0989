// Admission starts with a public sign-up: the organization is an applicant with a draft
// application and sees nothing else until admitted. Sections save as drafts (the legal
// representative's ID sealed, shown masked); submission needs every section complete and
// refuses a banned credit code or a banned legal representative. Nothing half-written.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { admissionApplications, auditLog, organizations, users } from '@/db/schema';
import { creditCodeFor, makeOrg } from '@/db/seed/factories';
import { openFile } from '../../../domain/files/files';
import { blindIndex } from '../../../pii/crypto';
import { getBlobStore } from '../../../storage/store';
import { AGENCY_SECTIONS, LEGAL_REP_ID as ID, fillAgencyApplication as fillAll } from '../../../testing/admission';
import { createTestDb } from '../../../testing/db';
import { buildWorld, callerAs, domainCaller, type World } from '../../../testing/world';

let handle: DbHandle;
let w: World;

const signUpInput = (n: number, over: Record<string, unknown> = {}) => ({
  type: 'agency' as const,
  orgName: `测试处置机构${n}`,
  creditCode: creditCodeFor(n, '310115'),
  adminName: '赵国栋',
  email: `admin${n}@apply.test`,
  password: 'a-long-enough-password',
  confirmPassword: 'a-long-enough-password',
  ...over,
});

/** Signs up a fresh agency and returns a caller for its admin. */
const newApplicant = async (n: number) => {
  await (await callerAs(handle.db, null)).admission.signUp(signUpInput(n));
  const [admin] = await handle.db.select().from(users).where(eq(users.email, `admin${n}@apply.test`));
  if (!admin) throw new Error('admin missing');
  return { admin, caller: await callerAs(handle.db, admin) };
};

beforeAll(async () => {
  handle = await createTestDb();
  w = await buildWorld(handle.db);
});
afterAll(async () => {
  await handle.close();
});

describe('admission.signUp', () => {
  it('creates an applicant organization, its admin and a draft application, audited', async () => {
    const res = await (await callerAs(handle.db, null)).admission.signUp(signUpInput(1, { email: ' Admin1@Apply.TEST ', creditCode: creditCodeFor(1, '310115').toLowerCase() }));
    expect(res).toEqual({ email: 'admin1@apply.test' });
    const [org] = await handle.db.select().from(organizations).where(eq(organizations.creditCode, creditCodeFor(1, '310115')));
    expect(org).toMatchObject({ type: 'agency', status: 'applicant' });
    const [app] = await handle.db.select().from(admissionApplications).where(eq(admissionApplications.orgId, org?.id ?? ''));
    expect(app).toMatchObject({ kind: 'agency', status: 'draft' });
    const audits = await handle.db.select().from(auditLog).where(and(eq(auditLog.action, 'admission.signUp'), eq(auditLog.orgId, org?.id ?? '')));
    expect(audits).toHaveLength(1);
  });

  it('refuses a registered credit code, a registered email and a banned credit code, writing nothing', async () => {
    const anonymous = await callerAs(handle.db, null);
    const orgsBefore = (await handle.db.select().from(organizations)).length;
    await expect(anonymous.admission.signUp(signUpInput(2, { creditCode: w.orgs.agencyA.creditCode }))).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { code: 'org.creditCodeTaken' },
    });
    await expect(anonymous.admission.signUp(signUpInput(3, { email: w.users['agencyA.admin'].email }))).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { code: 'user.emailTaken', details: { field: 'email' } },
    });
    const banned = await makeOrg(handle.db, { type: 'agency', status: 'banned', creditCode: creditCodeFor(4, '440106') });
    await expect(anonymous.admission.signUp(signUpInput(4, { creditCode: banned.creditCode }))).rejects.toMatchObject({
      code: 'FORBIDDEN',
      cause: { code: 'admission.creditCodeBanned' },
    });
    expect(await handle.db.select().from(organizations)).toHaveLength(orgsBefore + 1);
    expect(await handle.db.select().from(users).where(eq(users.email, 'admin3@apply.test'))).toHaveLength(0);
  });

  it.each([
    ['an invalid credit code', { creditCode: '91310115000300001A' }],
    ['mismatched passwords', { confirmPassword: 'something-else-entirely' }],
    ['a short password', { password: 'short', confirmPassword: 'short' }],
    ['a platform type', { type: 'platform' }],
    ['an extra orgId', { orgId: '00000000-0000-4000-8000-000000000000' }],
  ])('refuses %s', async (_why, over) => {
    await expect((await callerAs(handle.db, null)).admission.signUp(signUpInput(5, over) as never)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await handle.db.select().from(users).where(eq(users.email, 'admin5@apply.test'))).toHaveLength(0);
  });
});

describe('applicants see only their application', () => {
  it('refuses every other procedure to an applicant until admitted', async () => {
    const caller = await callerAs(handle.db, w.users['agencyNew.admin']);
    await expect(caller.me.get()).resolves.toMatchObject({ orgStatus: 'applicant' });
    await expect(caller.org.get()).rejects.toMatchObject({ code: 'FORBIDDEN', cause: { code: 'auth.notAdmitted' } });
    await expect(caller.org.users.invite({ email: 'x@apply.test', name: '某人', role: 'collector' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(caller.admission.application.get()).resolves.toMatchObject({ status: 'draft', kind: 'agency' });
  });
});

describe('who reads the admission file', () => {
  it('shows the application to the organization’s admins only: its other users are refused', async () => {
    for (const key of ['agencyNew.admin', 'creditorNew.admin'] as const) {
      await expect((await callerAs(handle.db, w.users[key])).admission.application.get()).resolves.toMatchObject({ status: 'draft' });
    }
    // Registered capital, client references, the legal representative and the licence stay with the admins.
    for (const key of ['agencyNew.collector', 'agencyNew.supervisor', 'creditorNew.manager', 'creditorNew.viewer', 'agencyA.collector', 'agencyA.supervisor'] as const) {
      await expect((await callerAs(handle.db, w.users[key])).admission.application.get()).rejects.toMatchObject({ code: 'FORBIDDEN', cause: { code: 'auth.forbidden' } });
    }
    // Nor do they open its documents by their file id.
    await expect(openFile(handle.db, await domainCaller(w, 'creditorNew.admin'), w.licence.fileId, getBlobStore())).resolves.toMatchObject({ file: { mime: 'application/pdf' } });
    for (const key of ['creditorNew.manager', 'creditorNew.viewer'] as const) {
      await expect(openFile(handle.db, await domainCaller(w, key), w.licence.fileId, getBlobStore())).rejects.toMatchObject({ code: 'file.notFound' });
    }
  });
});

describe('drafts and submission', () => {
  it('saves sections as drafts, seals the ID number and reports completeness', async () => {
    const { caller } = await newApplicant(10);
    const partial = await caller.admission.application.saveSection({ section: 'basics', data: { legalRepName: '赵国栋', legalRepIdNumber: ID.toLowerCase() } });
    expect(partial.legalRepIdMasked).toBe('110***********002X');
    expect(partial.sections.basics).toEqual({ legalRepName: '赵国栋' });
    expect(partial.completeness).toEqual({ basics: false, systems: false, trackRecord: false, compliance: false, documents: false });

    const [row] = await handle.db.select().from(admissionApplications).where(eq(admissionApplications.id, partial.id));
    expect(JSON.stringify(row?.sections)).not.toContain('11010519491231002X');
    expect(row?.legalRepIdSealed).not.toContain('1101051949');
    expect(row?.legalRepIdIndex).toBe(blindIndex(ID));

    const full = await fillAll(caller);
    expect(full.completeness).toEqual({ basics: true, systems: true, trackRecord: true, compliance: true, documents: true });
    expect(full.isComplete).toBe(true);
    const audit = await handle.db.select().from(auditLog).where(and(eq(auditLog.action, 'admission.saveSection'), eq(auditLog.resourceId, full.id)));
    expect(audit).toHaveLength(5);
    expect(JSON.stringify(audit.map((a) => a.after))).not.toContain('1101051949');
  });

  it('refuses malformed drafts by field and sections of another kind', async () => {
    const { caller } = await newApplicant(11);
    await expect(caller.admission.application.saveSection({ section: 'basics', data: { legalRepIdNumber: '110105194912310021' } })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(caller.admission.application.saveSection({ section: 'basics', data: { registeredCapitalFen: 12.5 } })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(caller.admission.application.saveSection({ section: 'basics', data: { foundedOn: '2099-01-01' } })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(caller.admission.application.saveSection({ section: 'basics', data: { serviceProvinces: ['99'] } } as never)).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(
      caller.admission.application.saveSection({ section: 'trackRecord', data: { references: Array.from({ length: 6 }, () => AGENCY_SECTIONS.trackRecord.references[0]) } } as never),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      caller.admission.application.saveSection({ section: 'trackRecord', data: { references: [{ ...AGENCY_SECTIONS.trackRecord.references[0], periodFrom: '2025-01', periodTo: '2024-01' }] } } as never),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(caller.admission.application.saveSection({ section: 'licence', data: { licenceNumber: 'X' } })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { code: 'admission.sectionNotForKind' },
    });
    const view = await caller.admission.application.get();
    expect(view.sections).toEqual({});
    expect(view.legalRepIdMasked).toBeNull();
  });

  it('refuses an incomplete submission, naming the missing sections', async () => {
    const { caller } = await newApplicant(12);
    await caller.admission.application.saveSection({ section: 'systems', data: AGENCY_SECTIONS.systems });
    const error = await caller.admission.application.submit().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', cause: { code: 'admission.incomplete', details: { field: 'basics' } } });
    const { describeError } = await import('../../errors');
    expect(describeError('zh-CN', error as never).message).toBe('申请尚未填写完整：公司基本信息、业绩记录、合规记录');
    expect(describeError('en', error as never).message).toBe('The application is not complete: Company basics, Track record, Compliance record');
    expect((await caller.admission.application.get()).status).toBe('draft');
  });

  it('submits a complete application once; it cannot be edited under review', async () => {
    const { caller } = await newApplicant(13);
    await fillAll(caller);
    const submitted = await caller.admission.application.submit();
    expect(submitted).toMatchObject({ status: 'submitted', isEditable: false });
    expect(submitted.submittedAt).toBeInstanceOf(Date);
    await expect(caller.admission.application.submit()).rejects.toMatchObject({ code: 'CONFLICT', cause: { code: 'admission.notEditable' } });
    await expect(caller.admission.application.saveSection({ section: 'systems', data: { mlpsLevel: 4 } })).rejects.toMatchObject({ code: 'CONFLICT' });
    const audits = await handle.db.select().from(auditLog).where(and(eq(auditLog.action, 'admission.submit'), eq(auditLog.resourceId, submitted.id)));
    expect(audits).toHaveLength(1);
  });

  it('refuses a legal representative whose organization was banned', async () => {
    const { caller: first } = await newApplicant(14);
    await fillAll(first);
    const [firstAdmin] = await handle.db.select().from(users).where(eq(users.email, 'admin14@apply.test'));
    await handle.db.update(organizations).set({ status: 'banned' }).where(eq(organizations.id, firstAdmin?.orgId ?? ''));

    const { caller } = await newApplicant(15);
    await fillAll(caller);
    await expect(caller.admission.application.submit()).rejects.toMatchObject({
      code: 'FORBIDDEN',
      cause: { code: 'admission.legalRepBanned', details: { field: 'legalRepIdNumber' } },
    });
    expect((await caller.admission.application.get()).status).toBe('draft');
  });
});
