// Admission starts with a public sign-up: the organization is an applicant with a draft
// application and sees nothing else until admitted. Sections save as drafts (the legal
// representative's ID sealed, shown masked); submission needs every section complete and
// refuses a banned credit code or a banned legal representative. Nothing half-written.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { admissionApplications, auditLog, jobs, organizations, users } from '@/db/schema';
import { creditCodeFor, makeOrg } from '@/db/seed/factories';
import type { RequestMeta } from '../../../auth/actor';
import { SIGN_UP_LIMIT } from '../../../domain/admission/sign-up';
import { signIn } from '../../../domain/auth/sign-in';
import { openFile } from '../../../domain/files/files';
import { JOB_HANDLERS } from '../../../jobs/handlers';
import { drainJobs } from '../../../jobs/queue';
import { sentMails } from '../../../mail/mailer';
import { blindIndex } from '../../../pii/crypto';
import { createInnerContext } from '../../context';
import { createCaller } from '../../root';
import { getBlobStore } from '../../../storage/store';
import { AGENCY_SECTIONS, LEGAL_REP_ID as ID, fillAgencyApplication as fillAll } from '../../../testing/admission';
import { someAddress } from '../../../testing/complaints';
import { createTestDb } from '../../../testing/db';
import { META, buildWorld, callerAs, domainCaller, type World } from '../../../testing/world';

let handle: DbHandle;
let w: World;

const signUpInput = (n: number, over: Record<string, unknown> = {}) => ({
  type: 'agency' as const,
  orgName: `测试处置机构${n}`,
  creditCode: creditCodeFor(n, '310115'),
  adminName: '赵国栋',
  email: `admin${n}@apply.test`,
  ...over,
});

/** An anonymous caller from its own client address, so the per-address sign-up limit stays out of the way. */
const visitor = async (meta: RequestMeta = someAddress()) =>
  createCaller(await createInnerContext({ db: handle.db, session: null, locale: 'zh-CN', meta }));

/** Signs up a fresh agency and returns a caller for its admin. */
const newApplicant = async (n: number) => {
  await (await visitor()).admission.signUp(signUpInput(n));
  const [admin] = await handle.db
    .select()
    .from(users)
    .where(eq(users.email, `admin${n}@apply.test`));
  if (!admin) throw new Error('admin missing');
  return { admin, caller: await callerAs(handle.db, admin) };
};

/** Sends the mail the queue holds; answers the messages sent to `to`. */
const mailTo = async (to: string) => {
  await drainJobs(handle.db, JOB_HANDLERS);
  return sentMails().filter((m) => m.to === to);
};
const linkIn = (text: string) => /\/invite\/([A-Za-z0-9_-]{20,})/.exec(text)?.[1] ?? null;

beforeAll(async () => {
  handle = await createTestDb();
  w = await buildWorld(handle.db);
});
afterAll(async () => {
  await handle.close();
});

describe('admission.signUp', () => {
  it('creates an applicant organization, its admin and a draft application, audited, and mails the admin a link to set a password', async () => {
    const res = await (
      await visitor()
    ).admission.signUp(
      signUpInput(1, { email: ' Admin1@Apply.TEST ', creditCode: creditCodeFor(1, '310115').toLowerCase() }),
    );
    expect(res).toEqual({ email: 'admin1@apply.test' });
    const [org] = await handle.db
      .select()
      .from(organizations)
      .where(eq(organizations.creditCode, creditCodeFor(1, '310115')));
    expect(org).toMatchObject({ type: 'agency', status: 'applicant' });
    const [app] = await handle.db
      .select()
      .from(admissionApplications)
      .where(eq(admissionApplications.orgId, org?.id ?? ''));
    expect(app).toMatchObject({ kind: 'agency', status: 'draft' });
    const audits = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'admission.signUp'), eq(auditLog.orgId, org?.id ?? '')));
    expect(audits).toHaveLength(1);
    // No password yet: the account is reached only through the mailed link.
    const [admin] = await handle.db.select().from(users).where(eq(users.email, 'admin1@apply.test'));
    expect(admin).toMatchObject({ orgId: org?.id, role: 'admin', passwordHash: null });
    const [mail, ...more] = await mailTo('admin1@apply.test');
    expect(more).toEqual([]);
    const token = linkIn(mail?.text ?? '');
    expect(token).not.toBeNull();
    const anonymous = await visitor();
    await expect(anonymous.auth.invite.get({ token: token ?? '' })).resolves.toEqual({
      email: 'admin1@apply.test',
      name: '赵国栋',
      orgName: '测试处置机构1',
    });
    await anonymous.auth.invite.accept({
      token: token ?? '',
      password: 'a-long-enough-password',
      confirmPassword: 'a-long-enough-password',
    });
    await expect(
      signIn(handle.db, META, { email: 'admin1@apply.test', password: 'a-long-enough-password' }),
    ).resolves.toMatchObject({ orgId: org?.id, orgStatus: 'applicant' });
    // The queue holds no credential: the link's token is drawn when the mail goes out, and only its hash is kept.
    const queued = await handle.db.select({ payload: jobs.payload }).from(jobs);
    expect(JSON.stringify(queued)).not.toContain(token);
  });

  it('answers a registered email exactly as a new one, creates nothing, and tells the email’s owner instead', async () => {
    const owner = w.users['agencyA.admin'];
    const orgsBefore = (await handle.db.select().from(organizations)).length;
    const fresh = await (await visitor()).admission.signUp(signUpInput(6));
    const taken = await (await visitor()).admission.signUp(signUpInput(3, { email: owner.email.toUpperCase() }));
    expect(Object.keys(taken).sort()).toEqual(Object.keys(fresh).sort());
    expect(taken).toEqual({ email: owner.email });
    expect(await handle.db.select().from(organizations)).toHaveLength(orgsBefore + 1);
    expect(
      await handle.db
        .select()
        .from(organizations)
        .where(eq(organizations.creditCode, creditCodeFor(3, '310115'))),
    ).toHaveLength(0);
    expect(await handle.db.select().from(users).where(eq(users.email, 'admin3@apply.test'))).toHaveLength(0);
    // The owner's account is untouched and hears about the attempt, with no link that sets a password.
    const [after] = await handle.db.select().from(users).where(eq(users.id, owner.id));
    expect(after).toMatchObject({ orgId: owner.orgId, passwordHash: owner.passwordHash, inviteTokenHash: null });
    const [notice, ...more] = await mailTo(owner.email);
    expect(more).toEqual([]);
    expect(notice?.text).toContain('测试处置机构3');
    expect(linkIn(notice?.text ?? '')).toBeNull();
    const [attempt] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'admission.signUpEmailTaken'), eq(auditLog.resourceId, owner.id)));
    expect(attempt).toMatchObject({
      actorUserId: null,
      after: { orgName: '测试处置机构3', creditCode: creditCodeFor(3, '310115') },
    });
  });

  it('refuses a registered credit code and a banned credit code, writing nothing', async () => {
    const anonymous = await visitor();
    const orgsBefore = (await handle.db.select().from(organizations)).length;
    await expect(
      anonymous.admission.signUp(signUpInput(2, { creditCode: w.orgs.agencyA.creditCode })),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { code: 'org.creditCodeTaken' },
    });
    // Whether the email is registered changes nothing in the answer.
    await expect(
      anonymous.admission.signUp(
        signUpInput(2, { creditCode: w.orgs.agencyA.creditCode, email: w.users['agencyB.admin'].email }),
      ),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { code: 'org.creditCodeTaken' },
    });
    const banned = await makeOrg(handle.db, {
      type: 'agency',
      status: 'banned',
      creditCode: creditCodeFor(4, '440106'),
    });
    await expect(anonymous.admission.signUp(signUpInput(4, { creditCode: banned.creditCode }))).rejects.toMatchObject({
      code: 'FORBIDDEN',
      cause: { code: 'admission.creditCodeBanned' },
    });
    expect(await handle.db.select().from(organizations)).toHaveLength(orgsBefore + 1);
  });

  it('limits sign-ups per client address, counting refused ones too', async () => {
    const address = someAddress();
    const from = await visitor(address);
    for (let i = 0; i < SIGN_UP_LIMIT.limit - 1; i += 1) await from.admission.signUp(signUpInput(40 + i));
    await expect(
      from.admission.signUp(signUpInput(49, { creditCode: w.orgs.agencyA.creditCode })),
    ).rejects.toMatchObject({ cause: { code: 'org.creditCodeTaken' } });
    await expect(from.admission.signUp(signUpInput(50))).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      cause: { code: 'admission.signUpThrottled' },
    });
    await expect(
      from.admission.signUp(signUpInput(51, { email: w.users['agencyA.admin'].email })),
    ).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(await handle.db.select().from(users).where(eq(users.email, 'admin50@apply.test'))).toHaveLength(0);
    // Another address is not held back.
    await expect((await visitor()).admission.signUp(signUpInput(52))).resolves.toEqual({ email: 'admin52@apply.test' });
  });

  it.each([
    ['an invalid credit code', { creditCode: '91310115000300001A' }],
    ['an invalid email', { email: 'not-an-email' }],
    [
      'a password (it is set through the mailed link)',
      { password: 'a-long-enough-password', confirmPassword: 'a-long-enough-password' },
    ],
    ['a platform type', { type: 'platform' }],
    ['an extra orgId', { orgId: '00000000-0000-4000-8000-000000000000' }],
  ])('refuses %s', async (_why, over) => {
    await expect((await visitor()).admission.signUp(signUpInput(5, over) as never)).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await handle.db.select().from(users).where(eq(users.email, 'admin5@apply.test'))).toHaveLength(0);
  });
});

describe('applicants see only their application', () => {
  it('refuses every other procedure to an applicant until admitted', async () => {
    const caller = await callerAs(handle.db, w.users['agencyNew.admin']);
    await expect(caller.me.get()).resolves.toMatchObject({ orgStatus: 'applicant' });
    await expect(caller.org.get()).rejects.toMatchObject({ code: 'FORBIDDEN', cause: { code: 'auth.notAdmitted' } });
    await expect(
      caller.org.users.invite({ email: 'x@apply.test', name: '某人', role: 'collector' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(caller.admission.application.get()).resolves.toMatchObject({ status: 'draft', kind: 'agency' });
  });
});

describe('who reads the admission file', () => {
  it('shows the application to the organization’s admins only: its other users are refused', async () => {
    for (const key of ['agencyNew.admin', 'creditorNew.admin'] as const) {
      await expect((await callerAs(handle.db, w.users[key])).admission.application.get()).resolves.toMatchObject({
        status: 'draft',
      });
    }
    // Registered capital, client references, the legal representative and the licence stay with the admins.
    for (const key of [
      'agencyNew.collector',
      'agencyNew.supervisor',
      'creditorNew.manager',
      'creditorNew.viewer',
      'agencyA.collector',
      'agencyA.supervisor',
    ] as const) {
      await expect((await callerAs(handle.db, w.users[key])).admission.application.get()).rejects.toMatchObject({
        code: 'FORBIDDEN',
        cause: { code: 'auth.forbidden' },
      });
    }
    // Nor do they open its documents by their file id.
    await expect(
      openFile(handle.db, await domainCaller(w, 'creditorNew.admin'), w.licence.fileId, getBlobStore()),
    ).resolves.toMatchObject({ file: { mime: 'application/pdf' } });
    for (const key of ['creditorNew.manager', 'creditorNew.viewer'] as const) {
      await expect(
        openFile(handle.db, await domainCaller(w, key), w.licence.fileId, getBlobStore()),
      ).rejects.toMatchObject({ code: 'file.notFound' });
    }
  });
});

describe('drafts and submission', () => {
  it('saves sections as drafts, seals the ID number and reports completeness', async () => {
    const { caller } = await newApplicant(10);
    const partial = await caller.admission.application.saveSection({
      section: 'basics',
      data: { legalRepName: '赵国栋', legalRepIdNumber: ID.toLowerCase() },
    });
    expect(partial.legalRepIdMasked).toBe('110***********002X');
    expect(partial.sections.basics).toEqual({ legalRepName: '赵国栋' });
    expect(partial.completeness).toEqual({
      basics: false,
      systems: false,
      trackRecord: false,
      compliance: false,
      documents: false,
    });

    const [row] = await handle.db.select().from(admissionApplications).where(eq(admissionApplications.id, partial.id));
    expect(JSON.stringify(row?.sections)).not.toContain('11010519491231002X');
    expect(row?.legalRepIdSealed).not.toContain('1101051949');
    expect(row?.legalRepIdIndex).toBe(blindIndex(ID));

    const full = await fillAll(caller);
    expect(full.completeness).toEqual({
      basics: true,
      systems: true,
      trackRecord: true,
      compliance: true,
      documents: true,
    });
    expect(full.isComplete).toBe(true);
    const audit = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'admission.saveSection'), eq(auditLog.resourceId, full.id)));
    expect(audit).toHaveLength(5);
    expect(JSON.stringify(audit.map((a) => a.after))).not.toContain('1101051949');
  });

  it('refuses malformed drafts by field and sections of another kind', async () => {
    const { caller } = await newApplicant(11);
    await expect(
      caller.admission.application.saveSection({ section: 'basics', data: { legalRepIdNumber: '110105194912310021' } }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(
      caller.admission.application.saveSection({ section: 'basics', data: { registeredCapitalFen: 12.5 } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      caller.admission.application.saveSection({ section: 'basics', data: { foundedOn: '2099-01-01' } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      caller.admission.application.saveSection({ section: 'basics', data: { serviceProvinces: ['99'] } } as never),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(
      caller.admission.application.saveSection({
        section: 'trackRecord',
        data: { references: Array.from({ length: 6 }, () => AGENCY_SECTIONS.trackRecord.references[0]) },
      } as never),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      caller.admission.application.saveSection({
        section: 'trackRecord',
        data: {
          references: [{ ...AGENCY_SECTIONS.trackRecord.references[0], periodFrom: '2025-01', periodTo: '2024-01' }],
        },
      } as never),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      caller.admission.application.saveSection({ section: 'licence', data: { licenceNumber: 'X' } }),
    ).rejects.toMatchObject({
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
    expect(error).toMatchObject({
      code: 'BAD_REQUEST',
      cause: { code: 'admission.incomplete', details: { field: 'basics' } },
    });
    const { describeError } = await import('../../errors');
    expect(describeError('zh-CN', error as never).message).toBe('申请尚未填写完整：公司基本信息、业绩记录、合规记录');
    expect(describeError('en', error as never).message).toBe(
      'The application is not complete: Company basics, Track record, Compliance record',
    );
    expect((await caller.admission.application.get()).status).toBe('draft');
  });

  it('submits a complete application once; it cannot be edited under review', async () => {
    const { caller } = await newApplicant(13);
    await fillAll(caller);
    const submitted = await caller.admission.application.submit();
    expect(submitted).toMatchObject({ status: 'submitted', isEditable: false });
    expect(submitted.submittedAt).toBeInstanceOf(Date);
    await expect(caller.admission.application.submit()).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { code: 'admission.notEditable' },
    });
    await expect(
      caller.admission.application.saveSection({ section: 'systems', data: { mlpsLevel: 4 } }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const audits = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'admission.submit'), eq(auditLog.resourceId, submitted.id)));
    expect(audits).toHaveLength(1);
  });

  it('refuses a legal representative whose organization was banned', async () => {
    const { caller: first } = await newApplicant(14);
    await fillAll(first);
    const [firstAdmin] = await handle.db.select().from(users).where(eq(users.email, 'admin14@apply.test'));
    await handle.db
      .update(organizations)
      .set({ status: 'banned' })
      .where(eq(organizations.id, firstAdmin?.orgId ?? ''));

    const { caller } = await newApplicant(15);
    await fillAll(caller);
    await expect(caller.admission.application.submit()).rejects.toMatchObject({
      code: 'FORBIDDEN',
      cause: { code: 'admission.legalRepBanned', details: { field: 'legalRepIdNumber' } },
    });
    expect((await caller.admission.application.get()).status).toBe('draft');
  });
});
