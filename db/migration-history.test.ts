// A landed migration never changes and new ones are only appended: the comparison behind
// npm run check:migrations, over the migrations folder before and after a change.
import { describe, expect, it } from 'vitest';
import { compareMigrations, type JournalEntry, type MigrationTree } from './migration-history';

const bytes = (text: string) => new TextEncoder().encode(text);
const entry = (idx: number, tag: string, when = 1_795_000_000_000 + idx * 1000): JournalEntry => ({
  idx,
  version: '7',
  when,
  tag,
  breakpoints: true,
});

const tree = (migrations: { entry: JournalEntry; sql: string }[]): MigrationTree => ({
  journal: { version: '7', dialect: 'postgresql', entries: migrations.map((m) => m.entry) },
  files: new Map(migrations.map((m) => [`${m.entry.tag}.sql`, bytes(m.sql)])),
});

const INIT = { entry: entry(0, '0000_init'), sql: 'CREATE TABLE "organizations" ("id" uuid PRIMARY KEY);' };
const AUDIT = {
  entry: entry(1, '0001_append_only_audit'),
  sql: 'CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE ON "audit_log";',
};
const LANDED = tree([INIT, AUDIT]);

describe('the migration history', () => {
  it('passes when nothing changed', () => {
    expect(compareMigrations(LANDED, tree([INIT, AUDIT]))).toEqual({ problems: [], unchanged: 2, added: [] });
  });

  it('passes a migration appended after the last, dated later', () => {
    const next = {
      entry: entry(2, '0002_notifications'),
      sql: 'CREATE TABLE "notifications" ("id" uuid PRIMARY KEY);',
    };
    expect(compareMigrations(LANDED, tree([INIT, AUDIT, next]))).toEqual({
      problems: [],
      unchanged: 2,
      added: ['0002_notifications'],
    });
  });

  it('fails a landed migration whose SQL changed, by a single byte', () => {
    const edited = { ...AUDIT, sql: `${AUDIT.sql}\n` };
    expect(compareMigrations(LANDED, tree([INIT, edited])).problems).toEqual([
      '0001_append_only_audit.sql has landed and was changed: add a new migration instead',
    ]);
  });

  it('fails a landed migration regenerated: new SQL and a new date in the journal', () => {
    const regenerated = {
      entry: entry(1, '0001_append_only_audit', AUDIT.entry.when + 5),
      sql: 'CREATE TABLE "audit_log" ("id" bigserial);',
    };
    const { problems, unchanged } = compareMigrations(LANDED, tree([INIT, regenerated]));
    expect(unchanged).toBe(1);
    expect(problems).toHaveLength(2);
    expect(problems[1]).toMatch(/^journal entry 1 \(0001_append_only_audit\) has landed and was changed/);
  });

  it('fails a landed migration removed, or renamed', () => {
    const renamed = { entry: entry(1, '0001_audit_triggers'), sql: AUDIT.sql };
    expect(compareMigrations(LANDED, tree([INIT, renamed])).problems).toEqual([
      '0001_append_only_audit.sql has landed and was removed',
      `journal entry 1 (0001_append_only_audit) has landed and was changed (now ${JSON.stringify(renamed.entry)})`,
    ]);
    expect(compareMigrations(LANDED, tree([INIT])).problems).toEqual([
      '0001_append_only_audit.sql has landed and was removed',
      'journal entry 1 (0001_append_only_audit) has landed and was removed',
    ]);
  });

  it('fails a new migration dated before the last landed one: databases already past it would skip it', () => {
    const early = {
      entry: entry(2, '0002_notifications', AUDIT.entry.when - 1),
      sql: 'CREATE TABLE "notifications" ("id" uuid);',
    };
    expect(compareMigrations(LANDED, tree([INIT, AUDIT, early])).problems).toEqual([
      'journal entry 0002_notifications is dated before 0001_append_only_audit: databases already past it would skip it',
    ]);
  });

  it('fails a SQL file the journal does not name, and a journal entry without its file', () => {
    const now = tree([INIT, AUDIT]);
    const files = new Map(now.files);
    files.set('0002_backfill.sql', bytes('UPDATE "cases" SET "status" = \'new\' WHERE "status" IS NULL;'));
    expect(compareMigrations(LANDED, { ...now, files }).problems).toEqual([
      '0002_backfill.sql is not in the journal: the migrator would never apply it',
    ]);

    const missing = tree([INIT, AUDIT, { entry: entry(2, '0002_notifications'), sql: '' }]);
    const withoutFile = new Map(missing.files);
    withoutFile.delete('0002_notifications.sql');
    expect(compareMigrations(LANDED, { ...missing, files: withoutFile }).problems).toEqual([
      'journal entry 0002_notifications has no 0002_notifications.sql',
    ]);
  });

  it('passes anything against a folder where nothing had landed', () => {
    expect(compareMigrations({ journal: null, files: new Map() }, LANDED)).toEqual({
      problems: [],
      unchanged: 0,
      added: ['0000_init', '0001_append_only_audit'],
    });
  });
});
