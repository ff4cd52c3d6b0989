import { isDeepStrictEqual } from 'node:util';

// A migration that has landed is part of every database it ran on: the migrator records
// its hash and its journal date there, and on the next run applies only migrations dated
// after the last one it recorded. So a landed migration's SQL and journal entry never
// change (an edit reaches no database that already ran it, and is silently different on
// the ones that did), and a new migration is appended after the last one, dated later
// (one dated earlier is skipped on every database that is already further along).

export type JournalEntry = { idx: number; version: string; when: number; tag: string; breakpoints: boolean };
export type Journal = { version: string; dialect: string; entries: JournalEntry[] };

/** The migrations folder at one point in time: its journal and its SQL files by name (`0007_notifications.sql`). */
export type MigrationTree = { journal: Journal | null; files: ReadonlyMap<string, Uint8Array> };

export type MigrationComparison = {
  /** What breaks the rule; empty when the history only grew. */
  problems: string[];
  /** Landed migrations found unchanged. */
  unchanged: number;
  /** Migrations added since (journal tags). */
  added: string[];
};

const isSame = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);

const sqlFileOf = (tag: string) => `${tag}.sql`;

/** Compares the migrations that had landed with the folder now: landed ones unchanged, new ones only appended. */
export const compareMigrations = (landed: MigrationTree, now: MigrationTree): MigrationComparison => {
  const problems: string[] = [];
  let unchanged = 0;

  for (const [name, bytes] of landed.files) {
    const current = now.files.get(name);
    if (!current) problems.push(`${name} has landed and was removed`);
    else if (!isSame(bytes, current)) problems.push(`${name} has landed and was changed: add a new migration instead`);
    else unchanged += 1;
  }

  const before = landed.journal?.entries ?? [];
  const after = now.journal?.entries ?? [];
  if (landed.journal && !now.journal) problems.push('the journal (meta/_journal.json) was removed');
  if (
    landed.journal &&
    now.journal &&
    (landed.journal.version !== now.journal.version || landed.journal.dialect !== now.journal.dialect)
  ) {
    problems.push('the journal’s version or dialect changed');
  }
  before.forEach((entry, i) => {
    const current = after[i];
    if (!current) problems.push(`journal entry ${entry.idx} (${entry.tag}) has landed and was removed`);
    else if (!isDeepStrictEqual(entry, current))
      problems.push(
        `journal entry ${entry.idx} (${entry.tag}) has landed and was changed (now ${JSON.stringify(current)})`,
      );
  });

  const added = after.slice(before.length);
  let previous = before.at(-1);
  for (const entry of added) {
    if (previous && entry.idx !== previous.idx + 1)
      problems.push(`journal entry ${entry.tag} has idx ${entry.idx}, not ${previous.idx + 1}`);
    // The migrator skips a migration dated no later than the last one a database recorded.
    if (previous && entry.when <= previous.when)
      problems.push(
        `journal entry ${entry.tag} is dated before ${previous.tag}: databases already past it would skip it`,
      );
    previous = entry;
  }

  // The folder now is whole: every journal entry has its SQL file, every SQL file its entry.
  const tags = new Set(after.map((e) => sqlFileOf(e.tag)));
  for (const entry of after)
    if (!now.files.has(sqlFileOf(entry.tag)))
      problems.push(`journal entry ${entry.tag} has no ${sqlFileOf(entry.tag)}`);
  for (const name of now.files.keys())
    if (!tags.has(name)) problems.push(`${name} is not in the journal: the migrator would never apply it`);

  return { problems, unchanged, added: added.map((e) => e.tag) };
};
