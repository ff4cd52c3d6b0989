// NIFA 2018: the audit trail is kept and never changed. The database itself refuses
// UPDATE, DELETE and TRUNCATE on audit_log, and an audit row commits or rolls back
// together with the change it describes.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { auditLog, organizations } from '@/db/schema';
import { makeOrg } from '@/db/seed/factories';
import { createTestDb } from '../testing/db';
import { META } from '../testing/world';
import { writeAudit } from './write';

// drizzle wraps the database error; the trigger's message is on its cause.
const APPEND_ONLY = { cause: expect.objectContaining({ message: expect.stringMatching(/append-only/) }) };

let handle: DbHandle;
let rowId: number;

beforeAll(async () => {
  handle = await createTestDb();
  await writeAudit(handle.db, { ...META, actor: null }, { action: 'auth.signInFailed', resourceType: 'session', after: { email: 'x@y.cn' } });
  const [row] = await handle.db.select({ id: auditLog.id }).from(auditLog);
  rowId = row?.id ?? 0;
});
afterAll(async () => {
  await handle.close();
});

describe('audit log is append-only', () => {
  it('refuses UPDATE', async () => {
    await expect(handle.db.execute(sql`update audit_log set action = 'user.invite' where id = ${rowId}`)).rejects.toMatchObject(APPEND_ONLY);
    await expect(handle.db.update(auditLog).set({ ip: '0.0.0.0' }).where(eq(auditLog.id, rowId))).rejects.toMatchObject(APPEND_ONLY);
  });

  it('refuses DELETE', async () => {
    await expect(handle.db.execute(sql`delete from audit_log where id = ${rowId}`)).rejects.toMatchObject(APPEND_ONLY);
  });

  it('refuses TRUNCATE', async () => {
    await expect(handle.db.execute(sql`truncate audit_log`)).rejects.toMatchObject(APPEND_ONLY);
  });

  it('still holds the row, unchanged', async () => {
    const rows = await handle.db.select().from(auditLog).where(eq(auditLog.id, rowId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'auth.signInFailed', ip: META.ip });
  });

  it('accepts new rows', async () => {
    await writeAudit(handle.db, { ...META, actor: null }, { action: 'auth.denied', resourceType: 'procedure', resourceId: 'x.y' });
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
        await writeAudit(tx, { ...META, actor: null }, { action: 'org.setStatus', resourceType: 'organization', resourceId: org.id });
        throw new Error('fails after both writes');
      }),
    ).rejects.toThrow('fails after both writes');
    expect(await handle.db.select().from(auditLog)).toHaveLength(before);
    const [still] = await handle.db.select({ status: organizations.status }).from(organizations).where(eq(organizations.id, org.id));
    expect(still?.status).toBe('active');
  });
});
