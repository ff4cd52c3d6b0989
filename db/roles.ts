import type { Sql } from 'postgres';

// The app's own database role (production, and every PostgreSQL test run): it reads and
// writes rows and nothing more. It is no superuser (which could switch the append-only
// triggers off with session_replication_role), owns no table (an owner may disable its
// triggers or alter it) and has no TRUNCATE or TRIGGER privilege. Migrations run as the
// owner (DATABASE_OWNER_URL); the web and the worker connect as this role (DATABASE_URL).

export const APP_ROLE = 'daylight_app';

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`"${name}" is not a plain role or database name`);
  return `"${name}"`;
};

/**
 * Creates the app's role if it is missing and gives it exactly what the app needs on the
 * database `sql` is connected to (run as the owner, after the migrations; running it again
 * changes nothing). Tables the owner creates later are granted by default as well.
 */
export const grantAppRole = async (
  sql: Sql,
  { role = APP_ROLE, password }: { role?: string; password?: string | null } = {},
) => {
  const r = ident(role);
  const [{ database = '' } = {}] = await sql<{ database: string }[]>`select current_database() as database`;
  // Two first runs at once (two test runs) may both find the role missing: the second creation is a no-op.
  await sql.unsafe(`do $$ begin
    create role ${r};
  exception when duplicate_object then null;
  end $$`);
  await sql.unsafe(`alter role ${r} with login nosuperuser nocreatedb nocreaterole noreplication nobypassrls`);
  if (password) await sql.unsafe(`alter role ${r} with password ${quote(password)}`);
  await sql.unsafe(`grant connect, temporary on database ${ident(database)} to ${r}`);
  await sql.unsafe(`grant usage on schema public to ${r}`);
  await sql.unsafe(`revoke all on all tables in schema public from ${r}`);
  await sql.unsafe(`grant select, insert, update, delete on all tables in schema public to ${r}`);
  await sql.unsafe(`grant usage, select on all sequences in schema public to ${r}`);
  await sql.unsafe(`grant execute on all functions in schema public to ${r}`);
  await sql.unsafe(`alter default privileges in schema public grant select, insert, update, delete on tables to ${r}`);
  await sql.unsafe(`alter default privileges in schema public grant usage, select on sequences to ${r}`);
  await sql.unsafe(`alter default privileges in schema public grant execute on functions to ${r}`);
};

const quote = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** The same URL, connecting as `role` (with `password`, when the server asks for one). */
export const asRole = (url: string, role: string, password?: string | null): string => {
  const u = new URL(url);
  u.username = role;
  u.password = password ?? '';
  return u.toString();
};
