// Migration 0030 seals the staff phone numbers an installation already holds: the SQL adds
// the sealed column and refuses new plain numbers, and the migrate run (npm run db:migrate,
// npm run dev) seals what was there and empties the plain column. Run on a database
// migrated only up to 0029 with users in it, as a live installation would be.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { MIGRATIONS_DIR, openPostgres, wrapPglite, type DbHandle } from '@/db/client';
import { withDatabase } from './testing/global-setup';
import { migrateDatabase } from './migrate';
import { decryptPii } from './pii/crypto';

let handle: DbHandle;
let upTo0029: string;

/** The migrations folder as it was before 0030: the same files, the journal cut after 0029. */
const migrationsBefore0030 = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'daylight-migrations-'));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  const journalFile = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { idx: number }[] };
  journal.entries = journal.entries.filter((e) => e.idx <= 29);
  writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
};

/** An empty database: a fresh PGlite, or on the PostgreSQL run a new database (named for the run's clean-up). */
const emptyDatabase = async (): Promise<DbHandle> => {
  const url = process.env.TEST_DATABASE_URL;
  const template = inject('pgTemplate');
  if (url && template) {
    const name = `${template}_empty_${Date.now()}`;
    const admin = postgres(url, { max: 1, onnotice: () => undefined });
    await admin.unsafe(`create database "${name}"`);
    await admin.end();
    return openPostgres(withDatabase(url, name), 2);
  }
  return wrapPglite(new PGlite());
};

const rowsOf = async <T>(query: ReturnType<typeof sql>) => {
  const res = await handle.db.execute(query);
  return (Array.isArray(res) ? res : (res as { rows: unknown[] }).rows) as T[];
};

beforeAll(async () => {
  upTo0029 = migrationsBefore0030();
  handle = await emptyDatabase();
  const db = handle.db as never;
  if (handle.kind === 'pglite') await migratePglite(db, { migrationsFolder: upTo0029 });
  else await migratePostgres(db, { migrationsFolder: upTo0029 });
  await handle.db.execute(sql`
    with org as (insert into organizations (type, name, credit_code, status) values ('creditor', '迁移测试机构', '91110000MIGRATE030', 'active') returning id)
    insert into users (org_id, role, name, email, phone)
    select id, r.role::user_role, r.name, r.email, r.phone from org, (values
      ('admin', '王海涛', 'with.phone@example.cn', '13911000001'),
      ('viewer', '张伟', 'no.phone@example.cn', null)
    ) as r(role, name, email, phone)`);
});
afterAll(async () => {
  await handle.close();
  rmSync(upTo0029, { recursive: true, force: true });
});

describe('migration 0030', () => {
  it('seals the numbers already stored and empties the plain column', async () => {
    await expect(migrateDatabase(handle)).resolves.toEqual({ phonesSealed: 1 });
    const rows = await rowsOf<{
      email: string;
      phone: string | null;
      phone_sealed: { enc: string; idx: string; masked: string } | null;
      session_version: number;
    }>(sql`select email, phone, phone_sealed, session_version from users order by email`);
    expect(rows.map((r) => [r.email, r.phone, r.phone_sealed?.masked ?? null, r.session_version])).toEqual([
      ['no.phone@example.cn', null, null, 0],
      ['with.phone@example.cn', null, '139****0001', 0],
    ]);
    const sealed = rows[1]?.phone_sealed;
    expect(sealed?.enc).not.toContain('13911000001');
    expect(decryptPii(sealed?.enc ?? '')).toBe('13911000001');
  });

  it('finds nothing to do the second time', async () => {
    await expect(migrateDatabase(handle)).resolves.toEqual({ phonesSealed: 0 });
  });

  it('refuses a plain number written after it', async () => {
    await expect(
      handle.db.execute(sql`update users set phone = '13911000009' where email = 'no.phone@example.cn'`),
    ).rejects.toThrow();
    const [row] = await rowsOf<{ phone: string | null }>(
      sql`select phone from users where email = 'no.phone@example.cn'`,
    );
    expect(row?.phone).toBeNull();
  });
});
