import { rm } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openPostgres, type Db, type DbHandle } from '../../db/client';
import { CASE_FILE_HEADERS, sampleCaseRow } from '../../db/seed/case-file';
import { DEMO_PASSWORD, seedDemo } from '../../db/seed/demo';
import { makeOrg, makeUser } from '../../db/seed/factories';
import { hashPassword } from '../../server/auth/password';
import { isHeaderProblem, matchHeaders } from '../../server/domain/cases/import-columns';
import { validateRow } from '../../server/domain/cases/import-row';
import { sealCase } from '../../server/domain/cases/seal';
import { shanghaiDate } from '../../lib/dates';
import { executeRows } from '../../server/domain/shared/execute';
import { middayZone } from '../../server/testing/work';
import { demoSeedDeps } from '../../scripts/seed-deps';
import { seedMarket } from '../../scripts/seed-market';
import { CONFIG } from './config';

// The database of the run: recreated, migrated, the demo data (whose closed package and
// creditor the fault run uses), then one creditor whose cases are all commissioned to one
// agency and spread over its collectors, written the way an import writes them (each row
// checked by the import's own rules, ID and phone numbers sealed with the run's keys).

export type LoadUser = { id: string; email: string };
export type LoadWorld = {
  creditorId: string;
  managers: LoadUser[];
  collectors: LoadUser[];
  /** Case ids per collector, in the collectors' order. */
  casesOf: string[][];
};

const CHUNK = 5000;

/** Drops and creates the run's database (on the same server, through its `postgres` database). */
export const recreateDatabase = async (url: string) => {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unexpected database name ${name}`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const sqlAdmin = postgres(admin.toString(), { max: 1, onnotice: () => undefined });
  try {
    await sqlAdmin.unsafe(`drop database if exists "${name}" with (force)`);
    await sqlAdmin.unsafe(`create database "${name}"`);
  } finally {
    await sqlAdmin.end();
  }
};

export const dropDatabase = async (url: string) => {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const sqlAdmin = postgres(admin.toString(), { max: 1, onnotice: () => undefined });
  try {
    await sqlAdmin.unsafe(`drop database if exists "${name}" with (force)`);
  } finally {
    await sqlAdmin.end();
  }
};

const insertCases = async (db: Db, rows: Record<string, unknown>[]) => {
  await db.execute(sql`
    insert into cases (creditor_id, import_id, contract_no, debtor_name, id_number_enc, id_number_idx, id_number_masked, phones, contacts,
      loan_amount, principal_outstanding, amount_overdue, overdue_from, overdue_since, loan_date, product, province, city, address, time_zone, extra,
      status, package_id, agency_id, commission_id, collector_id, created_at)
    select r.creditor_id, r.import_id, r.contract_no, r.debtor_name, r.id_number_enc, r.id_number_idx, r.id_number_masked, r.phones, r.contacts,
      r.loan_amount, r.principal_outstanding, r.amount_overdue, current_date - r.days_overdue, current_date - r.days_overdue, r.loan_date, r.product, r.province, r.city, r.address, r.time_zone, r.extra,
      'working', r.package_id, r.agency_id, r.commission_id, r.collector_id, now() - make_interval(secs => r.age)
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(creditor_id uuid, import_id uuid, contract_no text, debtor_name text,
      id_number_enc text, id_number_idx text, id_number_masked text, phones jsonb, contacts jsonb, loan_amount bigint, principal_outstanding bigint,
      amount_overdue bigint, days_overdue integer, loan_date date, product text, province text, city text, address text,
      time_zone text, extra jsonb, package_id uuid, agency_id uuid, commission_id uuid, collector_id uuid, age integer)`);
};

const seedLoadWorld = async (db: Db, passwordHash: string): Promise<LoadWorld> => {
  const creditor = await makeOrg(db, { type: 'creditor', name: '负载测试消费金融有限公司' });
  const agency = await makeOrg(db, { type: 'agency', name: '负载测试资产管理有限公司' });
  // Admitted a month ago for a year, as the demo's organizations are.
  await db.execute(sql`update organizations set tier = 'A', admitted_at = now() - interval '30 days', admission_expires_at = now() + interval '335 days'
    where id in (${creditor.id}, ${agency.id})`);
  const managers: LoadUser[] = [];
  const collectors: LoadUser[] = [];
  for (let i = 1; i <= CONFIG.users; i += 1) {
    const n = String(i).padStart(2, '0');
    const m = await makeUser(db, {
      orgId: creditor.id,
      role: 'manager',
      name: `经理${n}`,
      email: `manager${n}@load.example.cn`,
      passwordHash,
    });
    const c = await makeUser(db, {
      orgId: agency.id,
      role: 'collector',
      name: `催收员${n}`,
      email: `collector${n}@load.example.cn`,
      passwordHash,
    });
    managers.push({ id: m.id, email: m.email });
    collectors.push({ id: c.id, email: c.email });
  }
  const [file] = await executeRows<{ id: string }>(
    db,
    sql`insert into stored_files (org_id, uploaded_by, sha256, size, mime) values (${creditor.id}, ${managers[0]?.id}, ${'0'.repeat(64)}, 1, 'text/csv') returning id`,
  );
  const [imp] = await executeRows<{ id: string }>(
    db,
    sql`insert into case_imports (creditor_id, file_id, file_name, status, row_count, created_by, finished_at)
        values (${creditor.id}, ${file?.id}, '存量案件.csv', 'succeeded', ${CONFIG.cases}, ${managers[0]?.id}, now()) returning id`,
  );
  const figures = JSON.stringify({
    caseCount: CONFIG.cases,
    totalOverdue: 0,
    totalPrincipal: 0,
    avgDaysOverdue: 0,
    byBucket: {},
    byProvince: {},
  });
  const [pkg] = await executeRows<{ id: string }>(
    db,
    sql`insert into packages (creditor_id, name, status, source, figures, created_by, commission_start, commission_end, reserve_fee_bp, expected_recovery_bp, allowed_channels, awarded_at)
        values (${creditor.id}, '存量委外包', 'awarded', '{"kind":"filter"}', ${figures}::jsonb, ${managers[0]?.id}, current_date - 10, current_date + 170, 3000, 1500,
                '{phone,sms,letter,email}', now() - interval '10 days') returning id`,
  );
  const [commission] = await executeRows<{ id: string }>(
    db,
    sql`insert into commissions (package_id, creditor_id, agency_id, fee_bp, starts_on, ends_on, share, case_count, total_overdue)
        values (${pkg?.id}, ${creditor.id}, ${agency.id}, 2500, current_date - 10, current_date + 170, '{"kind":"all"}', ${CONFIG.cases}, 0) returning id`,
  );
  const map = matchHeaders([...CASE_FILE_HEADERS]);
  if (isHeaderProblem(map)) throw new Error('the sample case file does not match the import columns');
  const today = shanghaiDate(new Date());
  // Every debtor in a zone where it is about noon, so the contact window is open whenever this runs.
  const zone = middayZone();
  let batch: Record<string, unknown>[] = [];
  for (let i = 0; i < CONFIG.cases; i += 1) {
    const checked = validateRow(map, sampleCaseRow(i, 'LD'), today);
    if (!checked.value)
      throw new Error(`sample row ${i} fails the import rules: ${checked.errors.map((e) => e.code).join(', ')}`);
    batch.push({
      ...sealCase({ ...checked.value, timeZone: zone }),
      creditor_id: creditor.id,
      import_id: imp?.id,
      package_id: pkg?.id,
      agency_id: agency.id,
      commission_id: commission?.id,
      collector_id: collectors[i % collectors.length]?.id,
      age: CONFIG.cases - i,
    });
    if (batch.length === CHUNK) {
      await insertCases(db, batch);
      batch = [];
    }
  }
  if (batch.length > 0) await insertCases(db, batch);
  await db.execute(sql`analyze`);
  const owned = await executeRows<{ id: string; collector_id: string }>(
    db,
    sql`select id, collector_id from cases where commission_id = ${commission?.id}`,
  );
  const casesOf = collectors.map((c) => owned.filter((r) => r.collector_id === c.id).map((r) => r.id));
  return { creditorId: creditor.id, managers, collectors, casesOf };
};

/** Recreates and fills the run's database; returns what the drivers need. */
export const prepareDatabase = async (): Promise<{ handle: DbHandle; world: LoadWorld }> => {
  await recreateDatabase(CONFIG.databaseUrl);
  await rm(CONFIG.storageDir, { recursive: true, force: true });
  const handle = openPostgres(CONFIG.databaseUrl, 4);
  await handle.migrate();
  const deps = await demoSeedDeps();
  await seedDemo(handle.db, deps);
  await seedMarket(handle.db);
  const world = await seedLoadWorld(handle.db, await hashPassword(DEMO_PASSWORD));
  return { handle, world };
};
