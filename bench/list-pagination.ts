// Keyset pagination at scale: pages deep into the audit log and the organization list
// through the domain functions the procedures call, against a hand-written SQL baseline
// in the same run. Prints per-page timings and their ratio; asserts nothing.
//
//   npm run bench                      # embedded PGlite (in memory)
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench
//
// BENCH_AUDIT_ROWS (default 300000) and BENCH_ORGS (default 50000) set the sizes.
import { sql } from 'drizzle-orm';
import { listAuditForStaff } from '../server/domain/audit/list-audit';
import { listOrgsForStaff } from '../server/domain/orgs/orgs';
import { median, openBenchDb, p95, time } from './shared';

const AUDIT_ROWS = Number(process.env.BENCH_AUDIT_ROWS ?? 300_000);
const ORGS = Number(process.env.BENCH_ORGS ?? 50_000);
const PAGES = 40;
const LIMIT = 50;

// The same rows and joins the audit screen needs, written by hand.
const AUDIT_SELECT = sql`select a.id, a.at, a.action, a.resource_type, a.resource_id, a.org_id, o.name as org_name,
  a.actor_user_id, u.name as actor_name, u.email as actor_email, a.actor_role, ao.name as actor_org_name,
  a.before, a.after, a.ip, a.user_agent
  from audit_log a left join users u on u.id = a.actor_user_id left join organizations o on o.id = a.org_id
  left join organizations ao on ao.id = a.actor_org_id`;

const { handle, drop } = await openBenchDb(process.env.BENCH_DATABASE_URL);
const { db } = handle;
try {
  await handle.migrate();
  console.log(
    `database: ${handle.kind}; audit rows: ${AUDIT_ROWS}; organizations: ${ORGS}; ${PAGES} pages of ${LIMIT}`,
  );

  const [, seedMs] = await time(async () => {
    await db.execute(sql`
      insert into organizations (type, name, credit_code, status, created_at)
      select (case when g % 3 = 0 then 'creditor' else 'agency' end)::org_type,
             '基准机构' || g, 'BENCH' || lpad(g::text, 13, '0'),
             (case when g % 10 = 0 then 'suspended' else 'active' end)::org_status,
             now() - (g || ' seconds')::interval
      from generate_series(1, ${ORGS}) g`);
    await db.execute(sql`
      insert into audit_log (at, actor_user_id, org_id, action, resource_type, resource_id, after, ip)
      select now() - ((${AUDIT_ROWS} - g) || ' milliseconds')::interval, null,
             o.ids[1 + g % array_length(o.ids, 1)],
             (array['org.setStatus','user.invite','auth.signIn','auth.denied'])[1 + g % 4],
             'organization', g::text, jsonb_build_object('n', g), '203.0.113.1'
      from generate_series(1, ${AUDIT_ROWS}) g,
           (select array_agg(id) as ids from (select id from organizations order by created_at desc limit 50) t) o`);
    await db.execute(sql`analyze`);
  });
  console.log(`seeded in ${(seedMs / 1000).toFixed(1)} s`);

  // postgres-js returns rows as an array; PGlite wraps them in { rows }.
  const rowsOf = <T>(r: unknown): T[] => (Array.isArray(r) ? (r as T[]) : ((r as { rows: T[] }).rows ?? []));
  const anyOrg = rowsOf<{ id: string }>(
    await db.execute(sql`select org_id as id from audit_log where org_id is not null limit 1`),
  )[0]?.id;

  const report = async (
    label: string,
    domainPage: (cursor: string | null) => Promise<{ nextCursor: string | null }>,
    rawPage: (cursor: string | null) => Promise<string | null>,
  ) => {
    const domain: number[] = [];
    const raw: number[] = [];
    let dc: string | null = null;
    let rc: string | null = null;
    for (let i = 0; i < PAGES; i += 1) {
      const [d, dms] = await time(() => domainPage(dc));
      const [r, rms] = await time(() => rawPage(rc));
      domain.push(dms);
      raw.push(rms);
      dc = d.nextCursor;
      rc = r;
    }
    const ratio = median(domain) / Math.max(median(raw), 0.001);
    // Keyset pages cost the same deep in the list as at its head.
    const head = median(domain.slice(0, 5));
    const tail = median(domain.slice(-5));
    console.log(
      `${label.padEnd(32)} domain median ${median(domain).toFixed(2)} ms (p95 ${p95(domain).toFixed(2)}; pages 1-5 ${head.toFixed(2)}, last 5 ${tail.toFixed(2)})  raw SQL median ${median(raw).toFixed(2)} ms  ratio ${ratio.toFixed(2)}x`,
    );
  };

  await report(
    'audit log, all, newest first',
    (cursor) => listAuditForStaff(db, { cursor, limit: LIMIT }),
    async (cursor) => {
      const rows = rowsOf<{ id: number }>(
        await db.execute(
          sql`${AUDIT_SELECT} ${cursor ? sql`where a.id < ${Number(cursor)}` : sql``} order by a.id desc limit ${LIMIT + 1}`,
        ),
      );
      return rows.length > LIMIT ? String(rows[LIMIT - 1]?.id) : null;
    },
  );

  await report(
    'audit log, one organization',
    (cursor) => listAuditForStaff(db, { orgId: anyOrg, cursor, limit: LIMIT }),
    async (cursor) => {
      const rows = rowsOf<{ id: number }>(
        await db.execute(
          sql`${AUDIT_SELECT} where a.org_id = ${anyOrg} ${cursor ? sql`and a.id < ${Number(cursor)}` : sql``} order by a.id desc limit ${LIMIT + 1}`,
        ),
      );
      return rows.length > LIMIT ? String(rows[LIMIT - 1]?.id) : null;
    },
  );

  await report(
    'organizations, agencies, active',
    (cursor) => listOrgsForStaff(db, { type: 'agency', status: 'active', cursor, limit: LIMIT }),
    async (cursor) => {
      const [at, id] = cursor ? (JSON.parse(cursor) as [string, string]) : [null, null];
      const rows = rowsOf<{ id: string; created_at: string | Date }>(
        await db.execute(
          sql`select id, name, created_at from organizations where type = 'agency' and status = 'active'
              ${at ? sql`and (created_at, id) < (${at}::timestamptz, ${id}::uuid)` : sql``}
              order by created_at desc, id desc limit ${LIMIT + 1}`,
        ),
      );
      const last = rows[LIMIT - 1];
      return rows.length > LIMIT && last ? JSON.stringify([new Date(last.created_at).toISOString(), last.id]) : null;
    },
  );
} finally {
  await handle.close();
  await drop();
}
