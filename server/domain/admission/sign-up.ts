import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { ApplicantType } from '@/lib/enums';
import { admissionApplications, organizations, users } from '@/db/schema';
import type { Actor, RequestMeta } from '../../auth/actor';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { getTranslate } from '../../i18n/translate';
import { jobQueue } from '../../jobs/queue';
import { appUrl, sendMail } from '../../mail/mailer';
import { isUniqueViolation } from '../shared/db-errors';
import { sealStaffPhone } from '../users/phones';
import { takeAttempt } from '../shared/rate-limit';
import { issueInvite } from '../users/users';

// Public sign-up. The answer never tells whether an email is registered: a new email gets an
// applicant organization with a draft application and its first admin, who sets a password
// through a one-time link mailed to that address (so the account is the mailbox owner's);
// a registered email gets nothing new, and its owner is told of the attempt by mail. Either
// way the page says "check your email". A banned credit code never comes back, and a
// registered one cannot be taken over. Attempts are limited per client address.

export type SignUpArgs = {
  type: ApplicantType;
  orgName: string;
  creditCode: string;
  adminName: string;
  email: string;
  phone?: string | null | undefined;
};

/** Per client address: five sign-ups (or attempts) an hour. */
export const SIGN_UP_LIMIT = { limit: 5, windowMs: 60 * 60_000 };

/** The queued mail of a sign-up: the new admin's link, or the notice to a registered email's owner. */
export const SIGN_UP_MAIL_JOB = 'admission.signUpMail';

type SignUpMail = { mail: 'invite'; userId: string } | { mail: 'notice'; userId: string; orgName: string };

/** Asks for an organization's sign-up; answers the same `{ email }` whether or not the email was registered. */
export const signUpOrganization = async (db: DbOrTx, meta: RequestMeta, args: SignUpArgs, now = new Date()) => {
  const email = args.email.trim().toLowerCase();
  if (!(await takeAttempt(db, `admission.signUp:${meta.ip ?? 'unknown'}`, SIGN_UP_LIMIT, now)))
    throw new DomainError('admission.signUpThrottled');
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ status: organizations.status })
      .from(organizations)
      .where(eq(organizations.creditCode, args.creditCode));
    if (existing?.status === 'banned') throw new DomainError('admission.creditCodeBanned', { field: 'creditCode' });
    if (existing) throw new DomainError('org.creditCodeTaken', { field: 'creditCode' });

    const owner = async () =>
      (await tx.select({ id: users.id, orgId: users.orgId }).from(users).where(eq(users.email, email)))[0];
    const toldOwner = async (user: { id: string; orgId: string }) => {
      await jobQueue.enqueue(tx, {
        kind: SIGN_UP_MAIL_JOB,
        payload: { mail: 'notice', userId: user.id, orgName: args.orgName } satisfies SignUpMail,
      });
      await writeAudit(
        tx,
        { ...meta, actor: null },
        {
          action: 'admission.signUpEmailTaken',
          resourceType: 'user',
          resourceId: user.id,
          orgId: user.orgId,
          after: { type: args.type, orgName: args.orgName, creditCode: args.creditCode },
        },
      );
      return { email };
    };
    const registered = await owner();
    if (registered) return toldOwner(registered);

    let org;
    let user;
    try {
      // Savepoint: a concurrent sign-up with the same code or email fails here cleanly.
      [org, user] = await tx.transaction(async (sp) => {
        const [o] = await sp
          .insert(organizations)
          .values({ type: args.type, name: args.orgName, creditCode: args.creditCode, status: 'applicant' })
          .returning({
            id: organizations.id,
            type: organizations.type,
            name: organizations.name,
            creditCode: organizations.creditCode,
          });
        if (!o) throw new DomainError('org.notFound');
        // No password: the admin sets one through the mailed link.
        const [u] = await sp
          .insert(users)
          .values({ orgId: o.id, role: 'admin', email, name: args.adminName, phoneSealed: sealStaffPhone(args.phone) })
          .returning({ id: users.id, email: users.email, name: users.name });
        if (!u) throw new DomainError('user.notFound');
        return [o, u] as const;
      });
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      // The email was registered a moment ago by another request: answered as any registered one.
      const raced = await owner();
      if (raced) return toldOwner(raced);
      throw new DomainError('org.creditCodeTaken', { field: 'creditCode' });
    }

    const [application] = await tx
      .insert(admissionApplications)
      .values({ orgId: org.id, kind: args.type, createdBy: user.id })
      .returning({ id: admissionApplications.id });
    await jobQueue.enqueue(tx, {
      kind: SIGN_UP_MAIL_JOB,
      payload: { mail: 'invite', userId: user.id } satisfies SignUpMail,
    });
    const actor: Actor = {
      userId: user.id,
      orgId: org.id,
      orgType: args.type,
      orgStatus: 'applicant',
      role: 'admin',
      name: user.name,
      email: user.email,
    };
    await writeAudit(
      tx,
      { ...meta, actor },
      {
        action: 'admission.signUp',
        resourceType: 'organization',
        resourceId: org.id,
        orgId: org.id,
        after: {
          type: org.type,
          name: org.name,
          creditCode: org.creditCode,
          adminEmail: user.email,
          applicationId: application?.id ?? null,
        },
      },
    );
    return { email };
  });
};

const SYSTEM = { actor: null, ip: null, userAgent: 'scheduler' } as const;

/** Both languages in one mail: the reader's language is not known yet. */
const bilingual = (key: string, values: Record<string, string>) => {
  const [zh, en] = [getTranslate('zh-CN'), getTranslate('en')];
  return {
    subject: `${zh(`${key}.subject`, values)} / ${en(`${key}.subject`, values)}`,
    text: `${zh(`${key}.body`, values)}\n\n——\n\n${en(`${key}.body`, values)}\n`,
  };
};

/**
 * Sends a sign-up's mail (a job: a send that fails is retried). The link's token is drawn
 * here, when the mail goes out, so no credential waits in the queue; a retry draws a new one
 * and the earlier link stops working. A user who has set a password meanwhile gets no link.
 */
export const sendSignUpMail = async (db: DbOrTx, payload: Record<string, unknown>, now = new Date()) => {
  const job = payload as SignUpMail;
  if (job.mail === 'invite') {
    const invited = await db.transaction(async (tx) => {
      const issued = await issueInvite(tx, job.userId, now);
      if (!issued) return null;
      await writeAudit(tx, SYSTEM, {
        action: 'user.invite',
        resourceType: 'user',
        resourceId: issued.id,
        orgId: issued.orgId,
        after: { email: issued.email, via: 'signUp' },
      });
      const [org] = await tx
        .select({ name: organizations.name })
        .from(organizations)
        .where(eq(organizations.id, issued.orgId));
      return { ...issued, orgName: org?.name ?? '' };
    });
    if (!invited) return;
    const link = `${appUrl()}/invite/${invited.token}`;
    await sendMail(
      { to: invited.email, ...bilingual('mail.signUpInvite', { name: invited.name, org: invited.orgName, link }) },
      now,
    );
    return;
  }
  const [user] = await db.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, job.userId));
  if (!user) return;
  await sendMail(
    {
      to: user.email,
      ...bilingual('mail.signUpNotice', { name: user.name, org: job.orgName, signIn: `${appUrl()}/signin` }),
    },
    now,
  );
};
