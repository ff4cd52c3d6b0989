// Case import throughput: generates a case file as CSV and as XLSX, imports each through
// the import job (read, validate, seal ID and phone numbers and stage the rows with the
// progress saved as it goes, then land every staged row in one transaction),
// and copies the same rows, already sealed, into the same table with COPY as the raw
// baseline, on embedded PGlite and on PostgreSQL in the same run. Then a separate process
// imports a 1M-row CSV and reports its peak memory. Prints figures; asserts nothing.
//
//   npm run bench:import
//   BENCH_IMPORT_ROWS=100000 BENCH_MEMORY_ROWS=1000000 BENCH_DATABASE_URL=postgres://… npm run bench:import
//   BENCH_DATABASE_URL=none   # PGlite only
//   npm run bench:import -- --memory-only   # the 1M-row memory run alone
import { overdueSinceFor } from '@/lib/cases';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { eq, sql } from 'drizzle-orm';
import type postgres from 'postgres';
import { caseImports, storedFiles } from '../db/schema';
import { shanghaiDate } from '../lib/dates';
import { makeOrg, makeUser } from '../db/seed/factories';
import { sampleCaseRows } from '../db/seed/case-file';
import { runImport } from '../server/domain/cases/case-import';
import { executeRows } from '../server/domain/shared/execute';
import { isHeaderProblem, matchHeaders } from '../server/domain/cases/import-columns';
import { validateRow } from '../server/domain/cases/import-row';
import { sealCase } from '../server/domain/cases/seal';
import { ingest } from '../server/storage/ingest';
import { localStore } from '../server/storage/store';
import { writeCsv, writeXlsx } from '../server/tabular/write';
import { Readable } from 'node:stream';
import { createReadStream } from 'node:fs';
import { benchPostgresUrl, openBenchDb, time } from './shared';
import type { Db, DbHandle } from '../db/client';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const MEMORY_ROWS = Number(process.env.BENCH_MEMORY_ROWS ?? 1_000_000);
const dir = mkdtempSync(path.join(tmpdir(), 'daylight-bench-import-'));
const store = localStore(path.join(dir, 'store'));

const COLUMNS = [
  'creditor_id',
  'import_id',
  'contract_no',
  'debtor_name',
  'id_number_enc',
  'id_number_idx',
  'id_number_masked',
  'phones',
  'contacts',
  'loan_amount',
  'principal_outstanding',
  'amount_overdue',
  'overdue_from',
  'overdue_since',
  'loan_date',
  'product',
  'province',
  'city',
  'address',
  'extra',
] as const;

const copyField = (v: unknown): string => {
  if (v === null || v === undefined) return '\\N';
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
};

/** The rows of a file as COPY text, validated and sealed beforehand (not part of the timing). */
const copyText = (creditorId: string, importId: string, prefix: string) => {
  const rows = sampleCaseRows(ROWS, prefix);
  const header = rows.next().value ?? [];
  const map = matchHeaders(header);
  if (isHeaderProblem(map)) throw new Error('bench header');
  const today = shanghaiDate(new Date());
  const lines: string[] = [];
  for (const cells of rows) {
    const r = validateRow(map, cells, today);
    if (!r.value) throw new Error('bench row invalid');
    const s = sealCase(r.value);
    lines.push(
      [
        creditorId,
        importId,
        s.contract_no,
        s.debtor_name,
        s.id_number_enc,
        s.id_number_idx,
        s.id_number_masked,
        s.phones,
        s.contacts,
        s.loan_amount,
        s.principal_outstanding,
        s.amount_overdue,
        overdueSinceFor(s.days_overdue, today),
        overdueSinceFor(s.days_overdue, today),
        s.loan_date,
        s.product,
        s.province,
        s.city,
        s.address,
        s.extra,
      ]
        .map(copyField)
        .join('\t'),
    );
  }
  return `${lines.join('\n')}\n`;
};

const copyInto = async (handle: DbHandle, text: string) => {
  const statement = `copy cases (${COLUMNS.join(', ')}) from ${handle.kind === 'pglite' ? "'/dev/blob'" : 'stdin'}`;
  const client = (handle.db as unknown as { $client: unknown }).$client;
  if (handle.kind === 'pglite') {
    await (client as PGlite).query(statement, [], { blob: new Blob([text]) });
    return;
  }
  const writable = await (client as postgres.Sql).unsafe(statement).writable();
  await new Promise<void>((resolve, reject) => {
    writable.on('error', reject);
    writable.on('finish', resolve);
    writable.end(text);
  });
};

const setup = async (db: Db) => {
  const creditor = await makeOrg(db, { type: 'creditor', name: '基准委托方' });
  const baseline = await makeOrg(db, { type: 'creditor', name: '基准 COPY 委托方' });
  const user = await makeUser(db, { orgId: creditor.id, role: 'manager', name: '基准', passwordHash: 'x' });
  return { creditor, baseline, user };
};

/** Stores a file and queues its import the way startImport does, then runs the job and times it. */
const importFile = async (db: Db, who: Awaited<ReturnType<typeof setup>>, filePath: string, name: string) => {
  const stored = await ingest(Readable.toWeb(createReadStream(filePath)) as ReadableStream<Uint8Array>, store);
  const [file] = await db
    .insert(storedFiles)
    .values({ orgId: who.creditor.id, uploadedBy: who.user.id, ...stored })
    .returning();
  const [imp] = await db
    .insert(caseImports)
    .values({
      creditorId: who.creditor.id,
      fileId: file?.id ?? '',
      fileName: name,
      bytesTotal: stored.size,
      createdBy: who.user.id,
    })
    .returning();
  if (!imp) throw new Error('bench import row');
  const [, ms] = await time(() => runImport(db, imp.id, store));
  const [done] = await db.select().from(caseImports).where(eq(caseImports.id, imp.id));
  if (done?.status !== 'succeeded')
    throw new Error(
      `bench import ${name} ended ${done?.status}: ${JSON.stringify(done?.fileError ?? done?.errors.slice(0, 3))}`,
    );
  return { ms, importId: imp.id };
};

/** Imports the file the parent wrote (writing it here would count its memory as the import's). */
const memoryChild = async (file: string) => {
  const url = benchPostgresUrl();
  const { handle, drop } = await openBenchDb(url);
  try {
    await handle.migrate();
    const who = await setup(handle.db);
    const { size } = await stat(file);
    const before = process.memoryUsage().rss;
    const { ms } = await importFile(handle.db, who, file, 'million.csv');
    console.log(
      JSON.stringify({
        kind: handle.kind,
        rows: MEMORY_ROWS,
        fileMb: Math.round(size / 1048576),
        seconds: +(ms / 1000).toFixed(1),
        rssBeforeMb: Math.round(before / 1048576),
        peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      }),
    );
  } finally {
    await handle.close();
    await drop();
  }
};

const measure = async (url: string | undefined) => {
  const { handle, drop } = await openBenchDb(url);
  try {
    await handle.migrate();
    const who = await setup(handle.db);
    const csv = path.join(dir, `c-${handle.kind}.csv`);
    const xlsx = path.join(dir, `x-${handle.kind}.xlsx`);
    await writeCsv(csv, sampleCaseRows(ROWS, 'C'));
    await writeXlsx(xlsx, sampleCaseRows(ROWS, 'X'), { raw: true });
    const csvRun = await importFile(handle.db, who, csv, 'bench.csv');
    const xlsxRun = await importFile(handle.db, who, xlsx, 'bench.xlsx');
    const text = copyText(who.baseline.id, csvRun.importId, 'R');
    const [, copyMs] = await time(() => copyInto(handle, text));
    const [count] = await executeRows<{ n: number }>(handle.db, sql`select count(*)::int as n from cases`);
    const total = count?.n;
    const rate = (ms: number) => Math.round(ROWS / (ms / 1000));
    const copyRate = rate(copyMs);
    console.log(
      `\n${handle.kind}: ${ROWS.toLocaleString()} rows per file (${total ?? '?'} cases in the table afterwards)`,
    );
    console.log(
      `  raw COPY of the sealed rows   ${(copyMs / 1000).toFixed(2)} s   ${copyRate.toLocaleString()} rows/s`,
    );
    for (const [label, run] of [
      ['CSV  import (validate+commit)', csvRun],
      ['XLSX import (validate+commit)', xlsxRun],
    ] as const) {
      console.log(
        `  ${label}  ${(run.ms / 1000).toFixed(2)} s   ${rate(run.ms).toLocaleString()} rows/s   ${(rate(run.ms) / copyRate).toFixed(2)} of COPY`,
      );
    }
  } finally {
    await handle.close();
    await drop();
  }
};

const childAt = process.argv.indexOf('--memory-child');
if (childAt >= 0) {
  await memoryChild(process.argv[childAt + 1] ?? '');
} else {
  console.log(
    `case import benchmark: ${ROWS.toLocaleString()} rows per file; memory run: ${MEMORY_ROWS.toLocaleString()} rows`,
  );
  if (!process.argv.includes('--memory-only')) {
    await measure(undefined);
    const url = benchPostgresUrl();
    if (url) await measure(url);
  }
  if (MEMORY_ROWS > 0) {
    const file = path.join(dir, 'million.csv');
    await writeCsv(file, sampleCaseRows(MEMORY_ROWS, 'M'));
    // A fresh process that only imports, so that the peak memory is the import's alone.
    const child = spawn(
      process.execPath,
      [...process.execArgv, process.argv[1] ?? 'bench/import.ts', '--memory-child', file],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    await new Promise((r) => child.on('close', r));
    const last = out.trim().split('\n').at(-1) ?? '{}';
    const m = JSON.parse(last) as {
      kind: string;
      rows: number;
      fileMb: number;
      seconds: number;
      peakRssMb: number;
      rssBeforeMb: number;
    };
    console.log(
      `\n1M-row memory run (${m.kind}): ${m.rows.toLocaleString()} rows, ${m.fileMb} MB CSV, imported in ${m.seconds} s; peak RSS ${m.peakRssMb} MB (before the import ${m.rssBeforeMb} MB)`,
    );
  }
}
rmSync(dir, { recursive: true, force: true });
