// Every procedure of the app router refuses anonymous callers (UNAUTHORIZED), callers of
// the wrong role or portal (FORBIDDEN) and callers reaching into another tenant
// (NOT_FOUND), and still serves the caller it is meant for. A procedure added without
// an entry in an area's *.authz.ts table fails the first test here; an entry put in the
// table of another router than its own fails the next ones.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { auditLog } from '@/db/schema';
import { and, eq } from 'drizzle-orm';
import { createTestDb } from '../testing/db';
import { buildWorld, callerAs, type World } from '../testing/world';
import { loadAuthzFiles, loadAuthzTable } from '../testing/authz';
import { appRouter } from './root';

const FILES = await loadAuthzFiles();
const TABLE = await loadAuthzTable();
const PROCEDURES = Object.keys(appRouter._def.procedures).sort();

/**
 * The router an authorization file describes, by where it sits: `<area>/<area>.authz.ts`
 * the area's `router.ts`, mounted at `<area>`; `<area>/<sub>.authz.ts` the area's
 * `<sub>.router.ts`, mounted at `<area>.<sub>`. Null for a file in no such place.
 */
const routerOf = (file: string): { mount: string; routerFile: string } | null => {
  const [, area, name] = /^([a-zA-Z]+)\/([a-zA-Z]+)\.authz\.ts$/.exec(file) ?? [];
  if (!area || !name) return null;
  return name === area ? { mount: area, routerFile: `${area}/router.ts` } : { mount: `${area}.${name}`, routerFile: `${area}/${name}.router.ts` };
};
const MOUNTS = FILES.map((f) => routerOf(f.file)?.mount).filter((m) => m !== undefined);
/** The mount of the router a procedure is written in: the longest mount its path lies under. */
const ownerOf = (path: string) =>
  MOUNTS.filter((m) => path.startsWith(`${m}.`)).reduce<string | null>((longest, m) => (longest && longest.length >= m.length ? longest : m), null);

type Callable = (input?: unknown) => Promise<unknown>;
const call = async (w: World, as: keyof World['users'] | 'anonymous', path: string, input: unknown) => {
  const caller = await callerAs(w.db, as === 'anonymous' ? null : w.users[as]);
  const fn = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as Callable;
  return fn(input);
};

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(async () => {
  await handle.close();
});

describe('authorization coverage', () => {
  it('has a case for every procedure of the app router, and none for procedures that do not exist', () => {
    expect(Object.keys(TABLE).sort()).toEqual(PROCEDURES);
  });

  it('has each authorization file beside the router it describes', () => {
    const routers = fileURLToPath(new URL('./routers/', import.meta.url));
    for (const { file } of FILES) {
      const described = routerOf(file);
      expect([file, described && existsSync(`${routers}${described.routerFile}`), described && PROCEDURES.some((p) => p.startsWith(`${described.mount}.`))]).toEqual([file, true, true]);
    }
  });

  it('lists in each authorization file the procedures of its own router and no other', () => {
    for (const { file, table } of FILES) {
      const mount = routerOf(file)?.mount;
      expect([file, Object.keys(table).sort()]).toEqual([file, PROCEDURES.filter((p) => ownerOf(p) === mount)]);
    }
  });
});

for (const [path, c] of Object.entries(TABLE)) {
  describe(path, () => {
    let w: World;
    beforeAll(async () => {
      w = await buildWorld(handle.db);
      await c.setup?.(w);
    });

    if (c.anonymous === 'refused') {
      it('refuses an anonymous caller with UNAUTHORIZED and records the refusal', async () => {
        await expect(call(w, 'anonymous', path, await c.input?.(w))).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
        const rows = await w.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.action, 'auth.denied'), eq(auditLog.resourceId, path)));
        expect(rows.length).toBeGreaterThan(0);
      });
    } else {
      it(`is public: ${c.anonymous.isPublic}`, () => {
        expect(c.allowed).toBe('anonymous');
      });
    }

    if (Array.isArray(c.wrongRole)) {
      for (const as of c.wrongRole) {
        it(`refuses ${as} with FORBIDDEN`, async () => {
          await expect(call(w, as, path, await c.input?.(w))).rejects.toMatchObject({ code: 'FORBIDDEN' });
        });
      }
    } else {
      const { none } = c.wrongRole;
      it(`has no wrong role: ${none}`, () => {
        expect(none.length).toBeGreaterThan(10);
      });
    }

    if ('as' in c.wrongTenant) {
      const { as, input, expect: code = 'NOT_FOUND' } = c.wrongTenant;
      it(`answers ${code} to ${as} reaching into another tenant`, async () => {
        await expect(call(w, as, path, await input(w))).rejects.toMatchObject({ code });
      });
    } else {
      const { none } = c.wrongTenant;
      it(`has no tenant to cross: ${none}`, () => {
        expect(none.length).toBeGreaterThan(10);
      });
    }

    if (c.allowed !== 'anonymous') {
      const allowed = c.allowed;
      it(`serves ${allowed}`, async () => {
        await expect(call(w, allowed, path, await c.input?.(w))).resolves.toBeDefined();
      });
    }
  });
}
