// Every procedure of the app router refuses anonymous callers (UNAUTHORIZED), callers of
// the wrong role or portal (FORBIDDEN) and callers reaching into another tenant
// (NOT_FOUND), and still serves the caller it is meant for. A procedure added without
// an entry in an area's *.authz.ts table fails the first test here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { auditLog } from '@/db/schema';
import { and, eq } from 'drizzle-orm';
import { createTestDb } from '../testing/db';
import { buildWorld, callerAs, type World } from '../testing/world';
import { loadAuthzTable } from '../testing/authz';
import { appRouter } from './root';

const TABLE = await loadAuthzTable();

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
    const procedures = Object.keys(appRouter._def.procedures).sort();
    expect(Object.keys(TABLE).sort()).toEqual(procedures);
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
