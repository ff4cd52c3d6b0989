import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import postgres from 'postgres';
import { sampleCaseRows, toCsv } from '../../db/seed/case-file';
import { CONFIG } from './config';
import { start, summarize, type Response, type Target } from './drive';
import { caseList, LIST_INPUT } from './endpoints';
import { signIn, trpcMutation, trpcQuery, upload, type TrpcAnswer } from './http';

// The app loses its database connections while it serves: every backend of the app is
// terminated (as a failover or an administrator would) in the middle of a case import and
// in the middle of an award, while creditor staff keep reading their case list. Each fault
// is placed deterministically: this process holds a row lock the app's transaction needs,
// waits until the app's statement is blocked on it (so the transaction has started and
// written), then terminates the app's backends from the lock's own connection.

export type Check = { name: string; pass: boolean; detail: string };

const BENCH = 'daylight-load-bench';
const UNAVAILABLE = '暂时无法连接数据库，请稍后重试';
const STACK = /\bat \S+ \(|\bat \S+:\d+:\d+/;

type Sql = postgres.Sql;

const connect = (max: number): Sql =>
  postgres(CONFIG.databaseUrl, { max, onnotice: () => undefined, connection: { application_name: BENCH } });

/** Waits until one of the app's statements waits for a lock; returns its text. */
const blockedStatement = async (admin: Sql, seconds: number): Promise<string | null> => {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    const rows = await admin<{ query: string }[]>`
      select left(query, 100) as query from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock' and application_name <> ${BENCH}`;
    if (rows[0]) return rows[0].query.replace(/\s+/g, ' ');
    await sleep(25);
  }
  return null;
};

/** Terminates every backend of the app on this database (not this process's own). */
const terminateApp = async (conn: Sql): Promise<number> => {
  const [row] = await conn<{ n: number }[]>`
    select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
    where datname = current_database() and pid <> pg_backend_pid() and application_name <> ${BENCH}`;
  return row?.n ?? 0;
};

const isClear503 = (a: Pick<TrpcAnswer<unknown>, 'status' | 'error' | 'raw'>) =>
  a.status === 503 && a.error?.message === UNAVAILABLE && a.error.domainCode === 'db.unavailable' && !STACK.test(a.raw);

type ImportFault = { importId: string; rows: number; blockedOn: string | null; terminated: number; at: number };

/** Starts an import that waits on a contract number this process is inserting, then cuts the app's connections. */
const interruptImport = async (admin: Sql, cookie: string, creditorId: string): Promise<ImportFault> => {
  const rows = CONFIG.importRows;
  const prefix = `FT${Date.now().toString(36).toUpperCase()}`;
  const csv = `\uFEFF${toCsv(sampleCaseRows(rows, prefix))}`;
  const lastContract = `${prefix}${String(rows - 1).padStart(8, '0')}`;
  const lock = connect(1);
  try {
    await lock.unsafe('begin');
    // An uncommitted case with the file's last contract number: the import's insert of that
    // row waits for this transaction, after its earlier batches were written.
    await lock`
      insert into cases (creditor_id, import_id, contract_no, debtor_name, id_number_enc, id_number_idx, id_number_masked, phones, contacts,
        loan_amount, principal_outstanding, amount_overdue, overdue_from, overdue_since)
      select creditor_id, import_id, ${lastContract}, debtor_name, id_number_enc, id_number_idx, id_number_masked, phones, contacts,
        loan_amount, principal_outstanding, amount_overdue, overdue_from, overdue_since
      from cases where creditor_id = ${creditorId} limit 1`;
    const file = await upload(cookie, new TextEncoder().encode(csv));
    if (!file.data) throw new Error(`upload failed: HTTP ${file.status} ${file.raw.slice(0, 200)}`);
    const started = await trpcMutation<{ id: string }>(cookie, 'cases.imports.start', {
      fileId: file.data.id,
      fileName: '故障演练.csv',
    });
    if (!started.data) throw new Error(`import start failed: HTTP ${started.status} ${started.raw.slice(0, 200)}`);
    const blockedOn = await blockedStatement(admin, 60);
    const at = performance.now();
    const terminated = blockedOn ? await terminateApp(lock) : 0;
    await lock.unsafe('rollback');
    return { importId: started.data.id, rows, blockedOn, terminated, at };
  } finally {
    await lock.end({ timeout: 5 });
  }
};

type Landing = { status: string; cases: number; audits: number; attempts: number; seconds: number };

const waitForImport = async (admin: Sql, importId: string, since: number): Promise<Landing> => {
  const deadline = Date.now() + CONFIG.faultWaitSeconds * 1000;
  let status = 'queued';
  while (Date.now() < deadline) {
    const [row] = await admin<{ status: string }[]>`select status from case_imports where id = ${importId}`;
    status = row?.status ?? 'missing';
    if (status === 'succeeded' || status === 'failed') break;
    await sleep(500);
  }
  const [counts] = await admin<{ cases: number; audits: number; attempts: number }[]>`
    select (select count(*)::int from cases where import_id = ${importId}) as cases,
           (select count(*)::int from audit_log where action = 'case.imported' and resource_id = ${importId}) as audits,
           (select coalesce(max(attempts), 0)::int from jobs where kind = 'case.import' and key = ${importId}) as attempts`;
  return {
    status,
    cases: counts?.cases ?? 0,
    audits: counts?.audits ?? 0,
    attempts: counts?.attempts ?? 0,
    seconds: (performance.now() - since) / 1000,
  };
};

type AwardFault = {
  blockedOn: string | null;
  terminated: number;
  at: number;
  first: TrpcAnswer<unknown>;
  left: { status: string; commissions: number };
  retry: TrpcAnswer<unknown>;
  again: TrpcAnswer<unknown>;
  after: { status: string; commissions: number; audits: number };
};

/** Awards the demo's closed package while this process holds its bids, cuts the connections, then awards again. */
const interruptAward = async (admin: Sql, cookie: string, creditorId: string): Promise<AwardFault> => {
  const [pkg] = await admin<
    { id: string }[]
  >`select id from packages where creditor_id = ${creditorId} and status = 'closed' order by created_at limit 1`;
  if (!pkg) throw new Error('the demo data has no closed package waiting for its award');
  const [bid] = await admin<
    { id: string }[]
  >`select id from bids where package_id = ${pkg.id} and status = 'submitted' order by fee_bp, id limit 1`;
  if (!bid) throw new Error('the closed package has no live bid');
  const input = { packageId: pkg.id, shares: [{ bidId: bid.id, share: { kind: 'all' } }] };
  const state = async () => {
    const [s] = await admin<{ status: string; commissions: number; audits: number }[]>`
      select (select status::text from packages where id = ${pkg.id}) as status,
             (select count(*)::int from commissions where package_id = ${pkg.id}) as commissions,
             (select count(*)::int from audit_log where action = 'package.award' and resource_id = ${pkg.id}::text) as audits`;
    return s ?? { status: 'missing', commissions: 0, audits: 0 };
  };
  const lock = connect(1);
  const cut = await (async () => {
    try {
      await lock.unsafe('begin');
      // The award's commission refers to the winning bid (its foreign key check takes a
      // share lock on the bid): it waits here with the package moved to awarded, uncommitted.
      await lock`select id from bids where package_id = ${pkg.id} for update`;
      const pending = trpcMutation(cookie, 'packages.award', input);
      const blockedOn = await blockedStatement(admin, 30);
      const at = performance.now();
      const terminated = blockedOn ? await terminateApp(lock) : 0;
      await lock.unsafe('rollback');
      return { blockedOn, at, terminated, first: await pending };
    } finally {
      await lock.end({ timeout: 5 });
    }
  })();
  const left = await state();
  const retry = await trpcMutation(cookie, 'packages.award', input);
  const again = await trpcMutation(cookie, 'packages.award', input);
  return { ...cut, left, retry, again, after: await state() };
};

const window = (responses: readonly Response[], at: number) =>
  responses.filter((r) => r.at >= at - 100 && r.at <= at + 1000);
const statuses = (responses: readonly Response[]) => {
  const s = summarize('', responses, 0, 1).byStatus;
  return (
    Object.entries(s)
      .map(([k, v]) => `${k}×${v}`)
      .join(' ') || 'none'
  );
};

/** Runs the faults while creditor staff read their case list; returns every check. */
export const runFaults = async (listCookies: readonly string[], appLog: string): Promise<Check[]> => {
  const admin = connect(2);
  const checks: Check[] = [];
  try {
    const cookie = await signIn('manager@huaxin.demo.cn');
    const [creditor] = await admin<
      { id: string }[]
    >`select org_id as id from users where email = 'manager@huaxin.demo.cn'`;
    if (!creditor) throw new Error('the demo creditor is missing');
    const list: Target = {
      label: 'cases.list during faults',
      baseUrl: `http://localhost:${CONFIG.appPort}`,
      cookies: listCookies,
      request: caseList,
    };
    const background = start(list, CONFIG.faultWaitSeconds + 120);

    await sleep(2000);
    const imp = await interruptImport(admin, cookie, creditor.id);
    checks.push({
      name: '(a) import interrupted while writing its rows',
      pass: imp.blockedOn !== null && /insert into "cases"/i.test(imp.blockedOn),
      detail:
        `${imp.rows} rows; the app waited on: ${imp.blockedOn ?? 'nothing within 60 s'}; ${imp.terminated} app backends terminated` +
        (imp.blockedOn && /update "case_imports"/i.test(imp.blockedOn)
          ? ' (the import’s progress write waits for the import’s own transaction: it cannot finish)'
          : ''),
    });
    // Let the failed attempt be recorded before the next fault.
    await sleep(2000);
    const award = await interruptAward(admin, cookie, creditor.id);
    checks.push({
      name: '(b) award interrupted: nothing left behind',
      pass: award.blockedOn !== null && award.left.status === 'closed' && award.left.commissions === 0,
      detail: `the app waited on: ${award.blockedOn ?? 'nothing within 30 s'}; ${award.terminated} backends terminated; afterwards package ${award.left.status}, ${award.left.commissions} commissions`,
    });
    checks.push({
      name: '(b) award retried: awarded exactly once',
      pass:
        award.retry.status === 200 &&
        award.again.status === 409 &&
        award.after.status === 'awarded' &&
        award.after.commissions === 1 &&
        award.after.audits === 1,
      detail: `retry HTTP ${award.retry.status}, second retry HTTP ${award.again.status} (${award.again.error?.domainCode ?? '-'}); package ${award.after.status}, ${award.after.commissions} commission, ${award.after.audits} package.award audit row`,
    });
    checks.push({
      name: '(c) the interrupted award answered 503 "try again"',
      pass: isClear503(award.first),
      detail: `HTTP ${award.first.status}, ${award.first.error?.code ?? '-'} / ${award.first.error?.domainCode ?? '-'}: ${award.first.error?.message ?? award.first.raw.slice(0, 120)}`,
    });

    const landing = await waitForImport(admin, imp.importId, imp.at);
    checks.push({
      name: '(a) import retried and landed exactly once',
      pass:
        landing.status === 'succeeded' && landing.cases === imp.rows && landing.audits === 1 && landing.attempts >= 2,
      detail: `status ${landing.status} after ${landing.seconds.toFixed(0)} s, attempt ${landing.attempts}; ${landing.cases}/${imp.rows} cases with its import id; ${landing.audits} case.imported audit row`,
    });

    background.stop();
    const { responses, errors, errorKinds, bodies5xx, seconds } = await background.done;
    const stats = summarize(list.label, responses, errors, seconds);
    const clearBodies = bodies5xx.filter((b) => {
      try {
        const parsed = JSON.parse(b) as { error?: { json?: { message?: string; data?: { domainCode?: string } } } };
        return (
          parsed.error?.json?.message === UNAVAILABLE &&
          parsed.error.json.data?.domainCode === 'db.unavailable' &&
          !STACK.test(b)
        );
      } catch {
        return false;
      }
    });
    checks.push({
      name: '(c) list requests during the faults: 503 "try again", never 500',
      pass:
        stats.s500 === 0 &&
        stats.failed === stats.s503 &&
        clearBodies.length === bodies5xx.length &&
        stats.errors === 0,
      detail:
        `${stats.requests} requests: ${statuses(responses)}; ${stats.errors} without an answer` +
        `${
          stats.errors
            ? ` (${Object.entries(errorKinds)
                .map(([k, v]) => `${k} ×${v}`)
                .join(', ')}; the load's timeout is 30 s)`
            : ''
        }; ` +
        `around the import fault ${statuses(window(responses, imp.at))}, around the award fault ${statuses(window(responses, award.at))}; ` +
        `${clearBodies.length}/${bodies5xx.length} 5xx bodies checked carry the translated message and no stack`,
    });
    const after = await trpcQuery<{ items: unknown[] }>(listCookies[0] ?? '', 'cases.list', LIST_INPUT);
    const lastFault = Math.max(imp.at, award.at);
    const firstOk = responses.find((r) => r.at > lastFault + 100 && r.status === 200);
    checks.push({
      name: '(d) recovered without a restart',
      pass: after.status === 200 && (after.data?.items.length ?? 0) > 0,
      detail: `list after the faults HTTP ${after.status} (${after.data?.items.length ?? 0} cases); first 200 of the load ${firstOk ? `${(firstOk.at - lastFault).toFixed(0)} ms` : 'never'} after the last fault`,
    });
    const log = (await readFile(appLog, 'utf8')).split('\n');
    const uncaught = log.filter((l) => l.includes('uncaughtException'));
    const faults = log.filter((l) => /^tRPC \S+ failed:/.test(l));
    checks.push({
      name: '(d) the app log: no uncaught exception, no server fault',
      pass: uncaught.length === 0 && faults.length === 0,
      detail: `${uncaught.length} uncaught exceptions${uncaught[0] ? ` (${uncaught[0].trim()})` : ''}, ${faults.length} tRPC server faults; ${log.filter((l) => l.includes('database unavailable')).length} requests answered 503`,
    });
  } finally {
    await admin.end({ timeout: 5 });
  }
  return checks;
};
