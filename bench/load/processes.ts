import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, openSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { APP_URL, appEnv, CONFIG, RAW_URL } from './config';

// The servers under load: the app server (`npm start`, scripts/serve.ts) on the production
// build, and the raw handler. Each runs in its own session and process group (detached), so
// that stopping the group also stops any child that would otherwise keep the port.

const bin = (name: string) => path.resolve(process.cwd(), 'node_modules/.bin', name);
const LOG_DIR = path.resolve(process.cwd(), '.data');

export type Server = { name: string; child: ChildProcess; log: string; stop: () => Promise<void> };

const run = (command: string, args: string[], env: NodeJS.ProcessEnv, log: string): ChildProcess => {
  const fd = openSync(log, 'w');
  return spawn(command, args, { env, detached: true, stdio: ['ignore', fd, fd] });
};

const stopGroup = async (child: ChildProcess) => {
  const pid = child.pid;
  if (!pid || child.exitCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  const timeout = sleep(10_000).then(() => 'late' as const);
  if ((await Promise.race([gone.then(() => 'gone' as const), timeout])) === 'late') {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
};

const waitFor = async (url: string, child: ChildProcess, log: string, seconds = 120) => {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before answering; see ${log}`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer within ${seconds} s; see ${log}`);
};

/** Builds the app for production unless BENCH_SKIP_BUILD=1 and a build is there. */
export const buildApp = async () => {
  if (CONFIG.skipBuild && existsSync(path.resolve(process.cwd(), '.next/BUILD_ID'))) return false;
  await mkdir(LOG_DIR, { recursive: true });
  const log = path.join(LOG_DIR, 'bench-load-build.log');
  const child = run(bin('next'), ['build'], { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }, log);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`next build failed (${code}); see ${log}`);
  return true;
};

/** The app server; `env` overrides the run's environment (e.g. DAYLIGHT_SCHEDULER=off beside a worker). */
export const startApp = async (env: Record<string, string> = {}): Promise<Server> => {
  await mkdir(LOG_DIR, { recursive: true });
  const log = path.join(LOG_DIR, 'bench-load-app.log');
  // BENCH_CPU_PROFILE_DIR=<dir>: the app runs under `node --cpu-prof` and writes its profile there when stopped.
  const profileDir = process.env.BENCH_CPU_PROFILE_DIR;
  const serve = path.resolve(process.cwd(), 'scripts/serve.ts');
  const child = profileDir
    ? run(
        process.execPath,
        [
          '--cpu-prof',
          '--cpu-prof-dir',
          path.resolve(profileDir),
          '--import',
          'tsx',
          serve,
          '-p',
          String(CONFIG.appPort),
        ],
        { ...appEnv(), ...env },
        log,
      )
    : run(bin('tsx'), [serve, '-p', String(CONFIG.appPort)], { ...appEnv(), ...env }, log);
  const server: Server = { name: 'app', child, log, stop: () => stopGroup(child) };
  try {
    await waitFor(`${APP_URL}/api/auth/csrf`, child, log);
  } catch (e) {
    await server.stop();
    throw e;
  }
  return server;
};

/**
 * The job worker (`npm run worker`, scripts/worker.ts) on the run's database, as production
 * runs it beside the web instances; resolves once it is loaded and starting (it drains what
 * is queued from then on).
 */
export const startJobWorker = async (): Promise<Server> => {
  await mkdir(LOG_DIR, { recursive: true });
  const log = path.join(LOG_DIR, 'bench-load-worker.log');
  const child = run(bin('tsx'), [path.resolve(process.cwd(), 'scripts/worker.ts')], appEnv(), log);
  const server: Server = { name: 'worker', child, log, stop: () => stopGroup(child) };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`worker exited with ${child.exitCode}; see ${log}`);
    if ((await readFile(log, 'utf8')).includes(' starting')) return server;
    await sleep(100);
  }
  await server.stop();
  throw new Error(`worker not started within 60 s; see ${log}`);
};

/** The raw handler (raw-server.ts) on the same database, answering as the creditor `userId`. */
export const startRaw = async (userId: string): Promise<Server> => {
  await mkdir(LOG_DIR, { recursive: true });
  const log = path.join(LOG_DIR, 'bench-load-raw.log');
  const env = { ...appEnv(), BENCH_RAW_USER_ID: userId, BENCH_RAW_PORT: String(CONFIG.rawPort) };
  const child = run(bin('tsx'), [path.resolve(import.meta.dirname, 'raw-server.ts')], env, log);
  const server: Server = { name: 'raw', child, log, stop: () => stopGroup(child) };
  try {
    await waitFor(`${RAW_URL}/health`, child, log, 60);
  } catch (e) {
    await server.stop();
    throw e;
  }
  return server;
};
