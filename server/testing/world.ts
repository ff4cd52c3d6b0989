import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { Locale, OrgType, Role } from '@/lib/enums';
import {
  admissionApplications,
  admissionDocuments,
  storedFiles,
  users as usersTable,
  type Organization,
  type User,
} from '@/db/schema';
import { makeOrg, makeUser } from '@/db/seed/factories';
import { samplePdf } from '@/db/seed/sample-pdf';
import { createCaller } from '../api/root';
import { createInnerContext } from '../api/context';
import { hashPassword } from '../auth/password';
import { loadUserActor, readUser } from '../domain/auth/load-actor';
import { sealStaffPhone } from '../domain/users/phones';
import { bytesStream, ingest } from '../storage/ingest';
import { getBlobStore } from '../storage/store';

export const TEST_PASSWORD = 'correct-horse-battery';
let passwordHash: Promise<string> | undefined;
export const testPasswordHash = () => (passwordHash ??= hashPassword(TEST_PASSWORD));

const ROLES_OF = {
  platform: ['admin', 'reviewer', 'auditor', 'complaints'],
  creditor: ['admin', 'manager', 'viewer'],
  agency: ['admin', 'supervisor', 'collector'],
} as const satisfies Record<OrgType, readonly Role[]>;

type OrgKey = 'platform' | 'creditorA' | 'creditorB' | 'agencyA' | 'agencyB' | 'creditorNew' | 'agencyNew';
export type UserKey =
  | `platform.${(typeof ROLES_OF)['platform'][number]}`
  | `creditorA.${(typeof ROLES_OF)['creditor'][number]}`
  | `creditorB.${(typeof ROLES_OF)['creditor'][number]}`
  | `agencyA.${(typeof ROLES_OF)['agency'][number]}`
  | `agencyB.${(typeof ROLES_OF)['agency'][number]}`
  | `creditorNew.${(typeof ROLES_OF)['creditor'][number]}`
  | `agencyNew.${(typeof ROLES_OF)['agency'][number]}`;

export type World = {
  db: Db;
  orgs: Record<OrgKey, Organization>;
  users: Record<UserKey, User>;
  /** The draft admission applications of the two applying organizations. */
  applications: { creditorNew: string; agencyNew: string };
  /** The creditor applicant's uploaded licence, and its attachment to the application. */
  licence: { fileId: string; documentId: string };
};

const ORG_TYPES: Record<OrgKey, OrgType> = {
  platform: 'platform',
  creditorA: 'creditor',
  creditorB: 'creditor',
  agencyA: 'agency',
  agencyB: 'agency',
  creditorNew: 'creditor',
  agencyNew: 'agency',
};

// Applying for admission, each with a draft application; the creditor's is complete.
const APPLICANTS: readonly OrgKey[] = ['creditorNew', 'agencyNew'];

export const COMPLETE_LICENCE = {
  licenceType: 'consumer_finance',
  licenceNumber: 'B0123H211000001',
  regulator: '国家金融监督管理总局北京监管局',
  declaresNoFraud: true,
  signedBy: '王海涛',
} as const;

/** Two admitted creditors and agencies, one applying of each, and the platform: one user in every role of each. */
export const buildWorld = async (db: Db): Promise<World> => {
  const hash = await testPasswordHash();
  const orgs = {} as Record<OrgKey, Organization>;
  const users = {} as Record<string, User>;
  const applications = {} as World['applications'];
  for (const [key, type] of Object.entries(ORG_TYPES) as [OrgKey, OrgType][]) {
    const isApplicant = APPLICANTS.includes(key);
    const org = await makeOrg(db, { type, name: `${key} 机构`, status: isApplicant ? 'applicant' : 'active' });
    orgs[key] = org;
    if (isApplicant) {
      const [app] = await db
        .insert(admissionApplications)
        .values({ orgId: org.id, kind: type, sections: type === 'creditor' ? { licence: COMPLETE_LICENCE } : {} })
        .returning({ id: admissionApplications.id });
      if (app && (key === 'creditorNew' || key === 'agencyNew')) applications[key] = app.id;
    }
    for (const role of ROLES_OF[type]) {
      users[`${key}.${role}`] = await makeUser(db, { orgId: org.id, role, name: `${key} ${role}`, passwordHash: hash });
    }
  }
  // The admitted agencies' applications: agencyA captures field evidence (it may visit), agencyB does not.
  for (const [key, capture] of [
    ['agencyA', true],
    ['agencyB', false],
  ] as const) {
    await db.insert(admissionApplications).values({
      orgId: orgs[key].id,
      kind: 'agency',
      status: 'admitted',
      sections: {
        systems: {
          hasCallRecording: true,
          hasFieldEvidenceCapture: capture,
          mlpsLevel: 3,
          hasIso27001: false,
          otherCertifications: '',
        },
      },
      decidedAt: new Date(),
      tier: 'B',
    });
  }
  // The creditor's application is complete, licence document included.
  const licence = await ingest(bytesStream(samplePdf(['Financial licence B0123H211000001'])), getBlobStore());
  const [file] = await db
    .insert(storedFiles)
    .values({ orgId: orgs.creditorNew.id, uploadedBy: users['creditorNew.admin']!.id, ...licence })
    .returning({ id: storedFiles.id });
  const [doc] = await db
    .insert(admissionDocuments)
    .values({
      applicationId: applications.creditorNew,
      fileId: file!.id,
      kind: 'financial_licence',
      fileName: '金融许可证.pdf',
    })
    .returning({ id: admissionDocuments.id });
  return {
    db,
    orgs,
    users: users as Record<UserKey, User>,
    applications,
    licence: { fileId: file!.id, documentId: doc!.id },
  };
};

export const META = { ip: '203.0.113.7', userAgent: 'vitest' };

/** A tRPC caller as the given user would have it signed in now (their current session version), or anonymous with null. */
export const callerAs = async (
  db: Db,
  user: Pick<User, 'id'> | null,
  locale: Locale = 'zh-CN',
  debtor: { token: string | null; cookies?: string[] } = { token: null },
) => {
  const session = user ? { userId: user.id, sessionVersion: (await readUser(db, user.id))?.sessionVersion ?? 0 } : null;
  return createCaller(
    await createInnerContext({
      db,
      session,
      locale,
      meta: META,
      debtorToken: debtor.token,
      setCookie: (cookie) => debtor.cookies?.push(cookie),
    }),
  );
};

/** Gives a world user a mobile number, sealed as an invitation stores it. */
export const givePhone = async (w: World, key: UserKey, phone: string) => {
  await w.db
    .update(usersTable)
    .set({ phoneSealed: sealStaffPhone(phone) })
    .where(eq(usersTable.id, w.users[key].id));
};

/** A domain-level caller for a world user, as the tRPC context would build it. */
export const domainCaller = async (w: World, key: UserKey) => {
  const lookup = await loadUserActor(w.db, w.users[key].id);
  if (!lookup.actor) throw new Error(`${key} cannot act: ${lookup.refusal}`);
  return { actor: lookup.actor, ...META };
};
