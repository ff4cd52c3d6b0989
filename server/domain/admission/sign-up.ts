import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { ApplicantType } from '@/db/enums';
import { admissionApplications, organizations, users } from '@/db/schema';
import type { Actor, RequestMeta } from '../../auth/actor';
import { hashPassword } from '../../auth/password';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { isUniqueViolation } from '../shared/db-errors';
import { sealStaffPhone } from '../users/phones';

export type SignUpArgs = {
  type: ApplicantType;
  orgName: string;
  creditCode: string;
  adminName: string;
  email: string;
  phone?: string | null | undefined;
  password: string;
};

/**
 * Public sign-up: the organization starts as an applicant with a draft application and
 * its first admin. A banned credit code never comes back; a registered one cannot be
 * taken over by a second sign-up.
 */
export const signUpOrganization = async (db: DbOrTx, meta: RequestMeta, args: SignUpArgs) => {
  const passwordHash = await hashPassword(args.password);
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ status: organizations.status })
      .from(organizations)
      .where(eq(organizations.creditCode, args.creditCode));
    if (existing?.status === 'banned') throw new DomainError('admission.creditCodeBanned', { field: 'creditCode' });
    if (existing) throw new DomainError('org.creditCodeTaken', { field: 'creditCode' });

    let org;
    let user;
    try {
      // Savepoint: a concurrent sign-up with the same code or email fails here cleanly.
      [org, user] = await tx.transaction(async (sp) => {
        const [o] = await sp
          .insert(organizations)
          .values({ type: args.type, name: args.orgName, creditCode: args.creditCode, status: 'applicant' })
          .returning({ id: organizations.id, type: organizations.type, name: organizations.name, creditCode: organizations.creditCode });
        if (!o) throw new DomainError('org.notFound');
        const [u] = await sp
          .insert(users)
          .values({ orgId: o.id, role: 'admin', email: args.email, name: args.adminName, phoneSealed: sealStaffPhone(args.phone), passwordHash })
          .returning({ id: users.id, email: users.email, name: users.name });
        if (!u) throw new DomainError('user.notFound');
        return [o, u] as const;
      });
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      const [byEmail] = await tx.select({ id: users.id }).from(users).where(eq(users.email, args.email));
      throw byEmail ? new DomainError('user.emailTaken', { field: 'email' }) : new DomainError('org.creditCodeTaken', { field: 'creditCode' });
    }

    const [application] = await tx
      .insert(admissionApplications)
      .values({ orgId: org.id, kind: args.type, createdBy: user.id })
      .returning({ id: admissionApplications.id });
    const actor: Actor = { userId: user.id, orgId: org.id, orgType: args.type, orgStatus: 'applicant', role: 'admin', name: user.name, email: user.email };
    await writeAudit(tx, { ...meta, actor }, {
      action: 'admission.signUp',
      resourceType: 'organization',
      resourceId: org.id,
      orgId: org.id,
      after: { type: org.type, name: org.name, creditCode: org.creditCode, adminEmail: user.email, applicationId: application?.id ?? null },
    });
    return { orgId: org.id, email: user.email };
  });
};
