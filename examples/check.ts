// Runs the example client (examples/api-client.ts) against the production build on
// PostgreSQL, as CI does after the build: a fresh database with the demo data, the app
// server started as `npm start` starts it, a key made by the creditor's admin through the
// keys screen's procedure, then the client places a case file (queued, followed to the
// end) while its webhook receiver verifies the signed import.finished the platform sends and
// refuses a forged one, places it again (answered from the first time, nothing placed twice),
// and is refused a file with a bad row, named by item and field. Exits 1 when any of it fails.
//
//   npm run example:check   (BENCH_SKIP_BUILD=1 reuses .next; EXAMPLE_DATABASE_URL, EXAMPLE_PORT)
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sampleCaseRows, toCsv } from '../db/seed/case-file';
import { applyRunEnv, APP_URL, CONFIG } from '../bench/load/config';
import { signIn, trpcMutation } from '../bench/load/http';
import { dropDatabase, prepareDatabase } from '../bench/load/prepare';
import { buildApp, startApp } from '../bench/load/processes';

const run = promisify(execFile);
const RECEIVER_PORT = Number(process.env.EXAMPLE_RECEIVER_PORT ?? 3321);
let receiver: ChildProcess | null = null;
let received = '';

const waitUntil = async (done: () => boolean, ms: number) => {
  const until = Date.now() + ms;
  while (!done() && Date.now() < until) await sleep(200);
};
const dir = await mkdtemp(path.join(tmpdir(), 'daylight-example-'));

const client = async (key: string, ...args: string[]) => {
  try {
    const { stdout } = await run(path.resolve('node_modules/.bin/tsx'), ['examples/api-client.ts', ...args], {
      env: { ...process.env, DAYLIGHT_URL: APP_URL, DAYLIGHT_API_KEY: key, DAYLIGHT_LANGUAGE: 'en' },
    });
    return { code: 0, out: stdout };
  } catch (e) {
    const failed = e as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, out: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
};

const checks: { name: string; ok: boolean; detail: string }[] = [];
const check = (name: string, ok: boolean, detail: string) => {
  checks.push({ name, ok, detail });
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}${ok ? '' : `\n${detail}`}`);
};

applyRunEnv();
await buildApp();
const { handle } = await prepareDatabase();
await handle.close();
const app = await startApp();
try {
  const cookie = await signIn('admin@huaxin.demo.cn');
  const made = await trpcMutation<{ secret: string }>(cookie, 'apiKeys.create', {
    name: '贷后系统（示例）',
    scopes: ['cases:read', 'cases:write'],
  });
  const key = made.data?.secret ?? '';
  if (!key) throw new Error(`no key: ${made.raw}`);

  // The creditor's receiver: the example's `listen`, registered as an endpoint for imports finished.
  const hook = await trpcMutation<{ secret: string }>(cookie, 'webhooks.create', {
    url: `http://127.0.0.1:${RECEIVER_PORT}/daylight`,
    eventTypes: ['import.finished'],
  });
  const hookSecret = hook.data?.secret ?? '';
  if (!hookSecret) throw new Error(`no webhook endpoint: ${hook.raw}`);
  receiver = spawn(path.resolve('node_modules/.bin/tsx'), ['examples/api-client.ts', 'listen', String(RECEIVER_PORT)], {
    env: { ...process.env, DAYLIGHT_WEBHOOK_SECRET: hookSecret },
    detached: true,
  });
  receiver.stdout?.on('data', (b: Buffer) => (received += b.toString()));
  await waitUntil(() => received.includes('listening'), 20_000);

  const file = path.join(dir, 'cases.csv');
  await writeFile(file, `\uFEFF${toCsv(sampleCaseRows(2500, 'EXAMPLE'))}`);
  const first = await client(key, 'place', file);
  check(
    'places a 2,500-case file, queued and followed',
    first.code === 0 && /placed 2500 cases/.test(first.out),
    first.out,
  );
  const verified = () =>
    received
      .split('\n')
      .some(
        (l) =>
          l.startsWith('verified import.finished') &&
          l.includes('"status":"succeeded"') &&
          l.includes('"rowCount":2500'),
      );
  await waitUntil(verified, 60_000);
  check('the receiver verifies the signed import.finished of that file', verified(), received);
  // A forged delivery (the right shape, no valid signature) is refused.
  const forged = await fetch(`http://127.0.0.1:${RECEIVER_PORT}/daylight`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': 'msg_forged',
      'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
      'webhook-signature': 'v1,Zm9yZ2Vk',
    },
    body: JSON.stringify({ type: 'import.finished', data: { status: 'succeeded' } }),
  });
  check('the receiver refuses a forged delivery', forged.status === 400, `answered ${forged.status}`);
  const again = await client(key, 'place', file);
  check(
    'the same file again is answered from the first time',
    again.code === 0 && /nothing placed twice/.test(again.out),
    again.out,
  );

  const rows = [...sampleCaseRows(3, 'EXBAD')];
  const bad = rows.map((r, i) => (i === 2 ? r.map((c, j) => (j === 2 ? '110101199001011230' : c)) : r));
  const badFile = path.join(dir, 'bad.csv');
  await writeFile(badFile, toCsv(bad));
  const refused = await client(key, 'place', badFile);
  check(
    'a bad row is refused by item and field, nothing placed',
    refused.code === 1 && /item 1 \/items\/1\/idNumber/.test(refused.out),
    refused.out,
  );
} finally {
  if (receiver?.pid) process.kill(-receiver.pid, 'SIGTERM');
  await app.stop();
  if (process.env.BENCH_KEEP_DATABASE !== '1') await dropDatabase(CONFIG.databaseUrl);
}
process.exit(checks.every((c) => c.ok) ? 0 : 1);
