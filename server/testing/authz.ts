import { readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { World, UserKey } from './world';

/**
 * Authorization cases of one procedure. Every procedure of the app router must have one
 * (server/api/authz.integration.test.ts walks the router and fails on a missing entry).
 */
export type AuthzCase = {
  /** Brings the world into the state the procedure needs (e.g. an application under review). */
  setup?: (w: World) => Promise<void>;
  /** Valid input for the allowed caller; also sent by the refused callers. */
  input?: (w: World) => unknown;
  /**
   * A caller who may call it: proves the refusals below are not vacuous. `debtor`: the
   * verified debtor of the case `setup` made (server/testing/debtor.ts withDebtors).
   */
  allowed: UserKey | 'anonymous' | 'debtor';
  /** Anonymous callers are refused with UNAUTHORIZED, unless the procedure is public for a stated reason. */
  anonymous: 'refused' | { isPublic: string };
  /** Callers whose role or portal may not call it: FORBIDDEN. */
  wrongRole: UserKey[] | { none: string };
  /** A caller pointing at another tenant's resource: NOT_FOUND unless said otherwise. */
  wrongTenant:
    | { as: UserKey | 'otherDebtor'; input: (w: World) => unknown; expect?: 'NOT_FOUND' | 'BAD_REQUEST' }
    | {
        /**
         * Why no input can name another tenant's resource. Checked by calling: a public
         * procedure answers a signed-in caller as it answers an anonymous one; a staff
         * procedure refuses every organization but the platform; any other answers the same
         * call from the same role in another organization with nothing of the first one's.
         */
        none: string;
        /** Whose data the other organization must not see, when `allowed` is staff but tenants call it too. */
        tenant?: UserKey;
        /** Why the other organization's answer may show some of the same records (a market open to every agency). */
        shared?: string;
      };
};

export type AuthzTable = Record<string, AuthzCase>;

/** One `*.authz.ts` file under server/api/routers: its path there and its table. */
export type AuthzFile = { file: string; table: AuthzTable };

const ROUTERS = fileURLToPath(new URL('../api/routers/', import.meta.url));

/**
 * Every authorization table, read from the files beside the routers: an area that adds
 * its table needs no list to be updated, and the tests see every table there is.
 */
export const loadAuthzFiles = async (): Promise<AuthzFile[]> => {
  const files = readdirSync(ROUTERS, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.authz.ts'))
    .map((f) => f.split(sep).join('/'))
    .sort();
  return Promise.all(
    files.map(async (file) => {
      const tables = Object.values((await import(join(ROUTERS, file))) as Record<string, AuthzTable>);
      if (tables.length !== 1 || !tables[0])
        throw new Error(`${file} exports one authorization table and nothing else`);
      return { file, table: tables[0] };
    }),
  );
};

/** Every procedure's authorization case, from every table; a procedure has one case, in one table. */
export const loadAuthzTable = async (): Promise<AuthzTable> => {
  const table: AuthzTable = {};
  for (const { file, table: own } of await loadAuthzFiles()) {
    for (const [path, c] of Object.entries(own)) {
      if (table[path]) throw new Error(`${path} has a second authorization case in ${file}`);
      table[path] = c;
    }
  }
  return table;
};
