// An example client of the Daylight API, as a lender's loan system would write one: it
// places the cases of a case file (CSV, the upload template's columns) through
// POST /api/v1/creditor/cases/batch with an Idempotency-Key made from the file's bytes, so
// running it again after a dropped connection never places a case twice; follows the import
// the 202 answer names until it has landed; and, as a webhook receiver, verifies each
// delivery's Standard Webhooks signature before trusting it (the `standardwebhooks` package,
// the same the platform signs with).
//
//   DAYLIGHT_URL=https://daylight.example.cn DAYLIGHT_API_KEY=dl_live_… \
//     npx tsx examples/api-client.ts place public/case-import-template.csv
//   DAYLIGHT_WEBHOOK_SECRET=whsec_… npx tsx examples/api-client.ts listen 8787
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { parse } from 'csv-parse/sync';
import { Webhook } from 'standardwebhooks';
import { CASE_IMPORT_COLUMNS } from '../lib/import-formats';

type Problem = {
  status: number;
  code: string;
  detail: string;
  errors?: { index?: number; pointer: string; message: string }[];
};
type ImportRef = { id: string; status: string; rowCount: number; rowsWritten: number; url: string };

const env = (name: string) => {
  const v = process.env[name];
  if (!v) throw new Error(`set ${name}`);
  return v;
};

/** Header (Chinese or English, as the template writes them) → the batch item's field. */
const FIELD_OF = new Map<string, string>(
  CASE_IMPORT_COLUMNS.flatMap((c) => [
    [c.zh, c.field],
    [c.alias, c.field],
  ]),
);
const CONTACT = /^(?:联系人(\d)(姓名|关系|电话)|contact(\d)_(name|relation|phone))$/;
const PART: Record<string, 'name' | 'relation' | 'phone'> = { 姓名: 'name', 关系: 'relation', 电话: 'phone' };

/** "1,203.50" yuan → 120350 fen, exactly (no floating point). */
const fen = (yuan: string) => {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(yuan.replaceAll(',', '').replace(/^¥/, '').trim());
  if (!m) return yuan; // sent as it is: the API names the item and field it cannot read
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
};

/** The rows of a case file as batch items; columns the file has beyond the template go in `extra`. */
export const itemsOf = (csv: string) => {
  const rows = parse(csv.replace(/^\uFEFF/, ''), { skip_empty_lines: true }) as string[][];
  const [header = [], ...data] = rows;
  return data.map((cells) => {
    const item: Record<string, unknown> = {};
    const contacts: Record<string, string>[] = [];
    const extra: Record<string, string> = {};
    header.forEach((h, i) => {
      const value = (cells[i] ?? '').trim();
      if (value === '') return;
      const field = FIELD_OF.get(h.trim());
      const contact = CONTACT.exec(h.trim());
      if (field === 'phone') item.phones = value.split(/[;；]/).map((p) => p.trim());
      else if (field === 'loanAmount' || field === 'principalOutstanding' || field === 'amountOverdue')
        item[field] = fen(value);
      else if (field === 'daysOverdue') item[field] = Number(value);
      else if (field) item[field] = value;
      else if (contact) {
        const n = Number(contact[1] ?? contact[3]) - 1;
        const part = contact[4] ?? PART[contact[2] ?? ''] ?? 'name';
        (contacts[n] ??= {})[part] = value;
      } else extra[h.trim()] = value;
    });
    const filled = contacts.filter(Boolean);
    if (filled.length > 0) item.contacts = filled.map((c) => ({ name: '', relation: '', phone: '', ...c }));
    if (Object.keys(extra).length > 0) item.extra = extra;
    return item;
  });
};

const call = async (path: string, init: RequestInit = {}) => {
  const res = await fetch(`${env('DAYLIGHT_URL')}/api/v1${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${env('DAYLIGHT_API_KEY')}`,
      'accept-language': process.env.DAYLIGHT_LANGUAGE ?? 'zh-CN',
      ...(init.body ? { 'content-type': 'application/json' } : {}),
      ...init.headers,
    },
  });
  // A call over the key's limit says when to come back.
  if (res.status === 429) {
    const wait = Number(res.headers.get('retry-after') ?? '1');
    console.log(`rate limited: retrying in ${wait} s`);
    await sleep(wait * 1000);
    return call(path, init);
  }
  return {
    status: res.status,
    replayed: res.headers.get('idempotent-replayed') === 'true',
    body: (await res.json()) as unknown,
  };
};

const place = async (file: string) => {
  const bytes = await readFile(file);
  const items = itemsOf(bytes.toString('utf8'));
  // The same file always carries the same key: a retry gets the first answer, never a second placement.
  const idempotencyKey = `file-${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}`;
  console.log(`placing ${items.length} cases from ${file} (Idempotency-Key ${idempotencyKey})`);
  const res = await call('/creditor/cases/batch', {
    method: 'POST',
    body: JSON.stringify({ items }),
    headers: { 'idempotency-key': idempotencyKey },
  });
  if (res.replayed) console.log('answered from the first request with this key: nothing placed twice');
  if (res.status === 201) {
    const { placed, import: imp } = res.body as { placed: number; import: ImportRef };
    console.log(`placed ${placed} cases (import ${imp.id})`);
    return 0;
  }
  if (res.status === 202) {
    let imp = (res.body as { import: ImportRef }).import;
    console.log(`queued as import ${imp.id}; following ${imp.url}`);
    while (imp.status === 'queued' || imp.status === 'running') {
      await sleep(1000);
      const next = await fetch(imp.url, { headers: { authorization: `Bearer ${env('DAYLIGHT_API_KEY')}` } });
      imp = { ...imp, ...((await next.json()) as Partial<ImportRef>) };
      console.log(`  ${imp.status}: ${imp.rowCount} rows read, ${imp.rowsWritten} written`);
    }
    if (imp.status === 'succeeded') {
      console.log(`placed ${imp.rowsWritten} cases (import ${imp.id})`);
      return 0;
    }
    console.log(`import ${imp.status}: read it at ${imp.url}`);
    return 1;
  }
  const problem = res.body as Problem;
  console.log(`refused (${problem.status} ${problem.code}): ${problem.detail}`);
  for (const e of problem.errors ?? [])
    console.log(
      `  item ${e.index ?? '-'} ${e.pointer}: ${e.message}${e.index === undefined ? '' : ` (${String(items[e.index]?.contractNo ?? '')})`}`,
    );
  return 1;
};

/**
 * A webhook receiver: each delivery's signature is checked with the endpoint's secret before
 * its body is believed (Standard Webhooks: HMAC-SHA256 over id, timestamp and body, and a
 * timestamp within five minutes, so a captured delivery cannot be replayed later). A delivery
 * seen before (the same webhook-id, on a retry) is acknowledged and not processed again.
 */
const listen = (port: number) => {
  const verifier = new Webhook(env('DAYLIGHT_WEBHOOK_SECRET'));
  const seen = new Set<string>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = {
        'webhook-id': String(req.headers['webhook-id'] ?? ''),
        'webhook-timestamp': String(req.headers['webhook-timestamp'] ?? ''),
        'webhook-signature': String(req.headers['webhook-signature'] ?? ''),
      };
      let event: { type: string; data: unknown };
      try {
        event = verifier.verify(body, headers) as { type: string; data: unknown };
      } catch {
        console.log(`refused a delivery with a bad signature (${headers['webhook-id'] || 'no id'})`);
        res.writeHead(400).end();
        return;
      }
      if (!seen.has(headers['webhook-id'])) {
        seen.add(headers['webhook-id']);
        console.log(`verified ${event.type} ${headers['webhook-id']} ${JSON.stringify(event.data)}`);
      }
      res.writeHead(204).end();
    });
  });
  server.listen(port, '0.0.0.0', () => console.log(`listening for webhooks on port ${port}`));
  return new Promise<number>(() => undefined);
};

const [command, arg] = process.argv.slice(2);
if (command === 'place' && arg) process.exit(await place(arg));
if (command === 'listen' && arg) await listen(Number(arg));
console.log('usage: api-client.ts place <cases.csv> | listen <port>');
process.exit(2);
