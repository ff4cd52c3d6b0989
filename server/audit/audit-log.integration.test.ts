// NIFA 2018: the audit trail is kept and never changed. The database itself refuses
// UPDATE, DELETE and TRUNCATE on audit_log, and an audit row commits or rolls back
// together with the change it describes.
import { eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { APP_ROLE } from '@/db/roles';
import { auditLog, organizations } from '@/db/schema';
import { makeOrg } from '@/db/seed/factories';
import { createOwnedTestDatabase, createTestDb, createTestPostgresUrl, isPostgresRun } from '../testing/db';
import { META } from '../testing/world';
import { writeAudit, writeAuditAlone } from './write';

// drizzle wraps the database error; the trigger's message is on its cause.
const APPEND_ONLY = { cause: expect.objectContaining({ message: expect.stringMatching(/append-only/) }) };
const NOT_PERMITTED = {
  cause: expect.objectContaining({ message: expect.stringMatching(/permission denied|must be owner/) }),
};

let handle: DbHandle;
let rowId: number;

beforeAll(async () => {
  handle = await createTestDb();
  await handle.db.transaction((tx) =>
    writeAudit(
      tx,
      { ...META, actor: null },
      { action: 'auth.signInFailed', resourceType: 'session', after: { email: 'x@y.cn' } },
    ),
  );
  const [row] = await handle.db.select({ id: auditLog.id }).from(auditLog);
  rowId = row?.id ?? 0;
});
afterAll(async () => {
  await handle.close();
});

describe('audit log is append-only', () => {
  it('refuses UPDATE', async () => {
    await expect(
      handle.db.execute(sql`update audit_log set action = 'user.invite' where id = ${rowId}`),
    ).rejects.toMatchObject(APPEND_ONLY);
    await expect(handle.db.update(auditLog).set({ ip: '0.0.0.0' }).where(eq(auditLog.id, rowId))).rejects.toMatchObject(
      APPEND_ONLY,
    );
  });

  it('refuses DELETE', async () => {
    await expect(handle.db.execute(sql`delete from audit_log where id = ${rowId}`)).rejects.toMatchObject(APPEND_ONLY);
  });

  it('refuses TRUNCATE', async () => {
    // The app's own role (every PostgreSQL run) may not even ask; the trigger refuses anyone else.
    await expect(handle.db.execute(sql`truncate audit_log`)).rejects.toMatchObject(
      isPostgresRun() ? NOT_PERMITTED : APPEND_ONLY,
    );
  });

  it('still holds the row, unchanged', async () => {
    const rows = await handle.db.select().from(auditLog).where(eq(auditLog.id, rowId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'auth.signInFailed', ip: META.ip });
  });

  it('accepts new rows', async () => {
    await writeAuditAlone(
      handle.db,
      { ...META, actor: null },
      { action: 'auth.denied', resourceType: 'procedure', resourceId: 'x.y' },
    );
    const rows = await handle.db.select().from(auditLog);
    expect(rows.length).toBeGreaterThanOrEqual(2);
  });
});

describe('audit rows share the transaction of their change', () => {
  it('rolls back the audit row with a failed change', async () => {
    const org = await makeOrg(handle.db, { type: 'agency' });
    const before = (await handle.db.select().from(auditLog)).length;
    await expect(
      handle.db.transaction(async (tx) => {
        await tx.update(organizations).set({ status: 'suspended' }).where(eq(organizations.id, org.id));
        await writeAudit(
          tx,
          { ...META, actor: null },
          { action: 'org.setStatus', resourceType: 'organization', resourceId: org.id },
        );
        throw new Error('fails after both writes');
      }),
    ).rejects.toThrow('fails after both writes');
    expect(await handle.db.select().from(auditLog)).toHaveLength(before);
    const [still] = await handle.db
      .select({ status: organizations.status })
      .from(organizations)
      .where(eq(organizations.id, org.id));
    expect(still?.status).toBe('active');
  });
});

// The app runs as a role of its own (db/roles.ts): were it a superuser or the tables'
// owner, it could switch the triggers above off and rewrite the log unseen.
describe.runIf(isPostgresRun())('the app’s database role', () => {
  it('is no superuser and cannot switch the append-only triggers off, truncate, or change the schema', async () => {
    const app = postgres(await createTestPostgresUrl(), { max: 1, onnotice: () => undefined });
    try {
      const [me] = await app<
        { super: boolean; owner: string }[]
      >`select rolsuper as super, (select tableowner from pg_tables where tablename = 'audit_log') as owner from pg_roles where rolname = current_user`;
      expect(me).toMatchObject({ super: false });
      expect(me?.owner).not.toBe(APP_ROLE);
      const refused = (query: string) =>
        app.unsafe(query).then(
          () => 'done',
          (e: Error) => e.message,
        );
      expect(await refused('set session_replication_role = replica')).toMatch(/permission denied/);
      expect(await refused('alter table audit_log disable trigger all')).toMatch(/must be owner/);
      expect(await refused('truncate audit_log')).toMatch(/permission denied/);
      expect(await refused('drop trigger audit_log_no_update_delete on audit_log')).toMatch(/must be owner/);
      expect(await refused('create table shadow_log (id int)')).toMatch(/permission denied/);
      // What the app does do, it may: read and write rows, take advisory locks, listen.
      expect(await refused('select pg_advisory_xact_lock(1), count(*) from audit_log')).toBe('done');
    } finally {
      await app.end();
    }
    // The owner (who runs the migrations) still can: the refusals above are the role's, not the server's.
    const owner = postgres(await createOwnedTestDatabase(), { max: 1, onnotice: () => undefined });
    try {
      await expect(owner.unsafe('alter table audit_log disable trigger all')).resolves.toBeDefined();
    } finally {
      await owner.end();
    }
  });
});
