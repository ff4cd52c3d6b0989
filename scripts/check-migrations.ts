// Checks that no landed migration changed (npm run check:migrations, run by CI): every
// migration SQL file and journal entry of the previous commit (or of `--base <ref>`, e.g.
// origin/main before a merge) must be byte-for-byte the same in the working tree, and new
// migrations may only be appended. Rules and reasons: db/migration-history.ts.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compareMigrations, type Journal, type MigrationTree } from '../db/migration-history';

const FOLDER = 'db/migrations';
const JOURNAL = `${FOLDER}/meta/_journal.json`;
const isSqlFile = (name: string) => name.endsWith('.sql') && !name.includes('/');

const baseArg = (): string | null => {
  const args = process.argv.slice(2);
  if (args.length === 0) return null;
  if (args.length === 1 && args[0]?.startsWith('--base=')) return args[0].slice('--base='.length) || usage();
  if (args.length === 2 && args[0] === '--base' && args[1]) return args[1];
  return usage();
};
function usage(): never {
  console.error('usage: check-migrations [--base <ref>]   (default: HEAD~1)');
  process.exit(2);
}
const asked = baseArg();
const base = asked ?? 'HEAD~1';
const isDefaultBase = asked === null;

const root = path.resolve(import.meta.dirname, '..');
const git = (...gitArgs: string[]) =>
  execFileSync('git', gitArgs, { cwd: root, maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });

const resolve = (ref: string): string | null => {
  try {
    return git('rev-parse', '--verify', '--quiet', `${ref}^{commit}`).toString().trim();
  } catch {
    return null;
  }
};

const landedAt = (commit: string): MigrationTree => {
  const names = git('ls-tree', '--name-only', `${commit}:${FOLDER}`).toString().split('\n').filter(isSqlFile);
  const files = new Map(names.map((name) => [name, new Uint8Array(git('show', `${commit}:${FOLDER}/${name}`))]));
  let journal: Journal | null = null;
  try {
    journal = JSON.parse(git('show', `${commit}:${JOURNAL}`).toString()) as Journal;
  } catch {
    // No journal at that commit: nothing had landed.
  }
  return { journal, files };
};

const workingTree = (): MigrationTree => {
  const dir = path.join(root, FOLDER);
  const names = existsSync(dir) ? readdirSync(dir).filter(isSqlFile) : [];
  const journalPath = path.join(root, JOURNAL);
  return {
    journal: existsSync(journalPath) ? (JSON.parse(readFileSync(journalPath, 'utf8')) as Journal) : null,
    files: new Map(names.map((name) => [name, new Uint8Array(readFileSync(path.join(dir, name)))])),
  };
};

/** The exit code: 0 unchanged (or nothing to compare with), 1 a landed migration changed, 2 a base that is not there. */
const check = (): number => {
  try {
    git('rev-parse', '--git-dir');
  } catch {
    console.log('migrations: not compared: no git, or not a git checkout');
    return 0;
  }
  const commit = resolve(base);
  if (!commit) {
    // A base asked for by name must exist; without the previous commit (the first commit,
    // or a shallow clone) there is nothing to compare with.
    if (!isDefaultBase) {
      console.error(`migrations: ${base} is not a commit here`);
      return 2;
    }
    const isShallow = git('rev-parse', '--is-shallow-repository').toString().trim() === 'true';
    console.log(
      `migrations: not compared: ${isShallow ? 'a shallow clone without HEAD~1 (fetch more history to check)' : 'HEAD has no previous commit'}`,
    );
    return 0;
  }
  let landed: MigrationTree;
  try {
    landed = landedAt(commit);
  } catch {
    console.log(`migrations: not compared: ${base} has no ${FOLDER}`);
    return 0;
  }
  const result = compareMigrations(landed, workingTree());
  const at = `${base} (${commit.slice(0, 10)})`;
  if (result.problems.length > 0) {
    console.error(`migrations: landed migrations changed since ${at}:`);
    for (const p of result.problems) console.error(`  - ${p}`);
    console.error('A landed migration is never edited or regenerated: write a new one (README, "Migrations").');
    return 1;
  }
  console.log(
    `migrations: ${result.unchanged} landed unchanged since ${at}; ${result.added.length === 0 ? 'none added' : `added ${result.added.join(', ')}`}`,
  );
  return 0;
};

process.exitCode = check();
