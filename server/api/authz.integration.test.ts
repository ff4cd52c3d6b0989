// Every procedure of the app router refuses anonymous callers (UNAUTHORIZED), callers of
// the wrong role or portal (FORBIDDEN) and callers reaching into another tenant
// (NOT_FOUND), and still serves the caller it is meant for. Where a table entry says a
// refusal does not apply (a public procedure, one every role may call, one no input of
// which names a tenant), the claim is checked by calling the procedure too. A procedure
// added without an entry in an area's *.authz.ts table fails the first test here; an
// entry put in the table of another router than its own fails the next ones.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { auditLog } from '@/db/schema';
import { and, eq } from 'drizzle-orm';
import { createTestDb } from '../testing/db';
import { buildWorld, callerAs, type UserKey, type World } from '../testing/world';
import { loadAuthzFiles, loadAuthzTable, type AuthzCase } from '../testing/authz';
import { debtorsOf } from '../testing/debtor';
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
  const [, area, name] = /^([a-zA-Z-]+)\/([a-zA-Z-]+)\.authz\.ts$/.exec(file) ?? [];
  if (!area || !name) return null;
  // A kebab-case folder (api-keys) is mounted under its camelCase name (apiKeys).
  const camel = (s: string) => s.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
  return name === area
    ? { mount: camel(area), routerFile: `${area}/router.ts` }
    : { mount: `${camel(area)}.${camel(name)}`, routerFile: `${area}/${name}.router.ts` };
};
const MOUNTS = FILES.map((f) => routerOf(f.file)?.mount).filter((m) => m !== undefined);
/** The mount of the router a procedure is written in: the longest mount its path lies under. */
const ownerOf = (path: string) =>
  MOUNTS.filter((m) => path.startsWith(`${m}.`)).reduce<string | null>(
    (longest, m) => (longest && longest.length >= m.length ? longest : m),
    null,
  );

type Callable = (input?: unknown) => Promise<unknown>;
type Caller = UserKey | 'anonymous' | 'debtor' | 'otherDebtor';
const call = async (w: World, as: Caller, path: string, input: unknown) => {
  const caller =
    as === 'debtor' || as === 'otherDebtor'
      ? await callerAs(w.db, null, 'zh-CN', { token: debtorsOf(w)[as === 'debtor' ? 'own' : 'other'].token })
      : await callerAs(w.db, as === 'anonymous' ? null : w.users[as]);
  const fn = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as Callable;
  return fn(input);
};

/** What a call came to: its answer, or the code it was refused with. */
type Outcome = { ok: true; value: unknown } | { ok: false; code: string };
const outcome = async (w: World, as: Caller, path: string, input: unknown): Promise<Outcome> => {
  try {
    return { ok: true, value: await call(w, as, path, input) };
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    return { ok: false, code: typeof code === 'string' ? code : String(e) };
  }
};
const codeOf = (o: Outcome) => (o.ok ? 'answered' : o.code);
/** The authorization refusals: any other answer (bad input, an unknown token) means the caller got past the checks. */
const REFUSED = /^(UNAUTHORIZED|FORBIDDEN)$/;

const textOf = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? String(v) : v)) ?? '';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const idsIn = (value: unknown) => new Set(textOf(value).match(UUID) ?? []);

const isQuery = (path: string) =>
  (appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)[path]?._def.type === 'query';
const orgOf = (key: UserKey) => key.slice(0, key.indexOf('.')) as keyof World['orgs'];
const usersOf = (w: World, org: keyof World['orgs']) =>
  (Object.keys(w.users) as UserKey[]).filter((k) => orgOf(k) === org);
/** Called by staff only: the platform is one organization, so there is no tenant to cross. */
const isStaffOnly = (c: AuthzCase) =>
  c.allowed !== 'anonymous' &&
  c.allowed !== 'debtor' &&
  c.allowed.startsWith('platform.') &&
  Array.isArray(c.wrongRole) &&
  !('tenant' in c.wrongTenant && c.wrongTenant.tenant);
/** The same role in another organization of the same portal; on the platform, another staff member. */
const SIBLING = {
  creditorA: 'creditorB',
  creditorB: 'creditorA',
  agencyA: 'agencyB',
  agencyB: 'agencyA',
  creditorNew: 'creditorB',
  agencyNew: 'agencyB',
} as const;
const siblingOf = (key: UserKey): UserKey => {
  const org = orgOf(key);
  if (org === 'platform') return key === 'platform.admin' ? 'platform.reviewer' : 'platform.admin';
  return `${SIBLING[org]}${key.slice(key.indexOf('.'))}` as UserKey;
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
      expect([
        file,
        described && existsSync(`${routers}${described.routerFile}`),
        described && PROCEDURES.some((p) => p.startsWith(`${described.mount}.`)),
      ]).toEqual([file, true, true]);
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
    // The allowed caller's answer, for the checks below that compare with it.
    let served: Outcome | undefined;
    beforeAll(async () => {
      w = await buildWorld(handle.db);
      await c.setup?.(w);
    });

    const refusalsRecorded = async () =>
      (
        await w.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.action, 'auth.denied'), eq(auditLog.resourceId, path)))
      ).length;

    if (c.anonymous === 'refused') {
      it('refuses an anonymous caller with UNAUTHORIZED and records the refusal', async () => {
        await expect(call(w, 'anonymous', path, await c.input?.(w))).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
        expect(await refusalsRecorded()).toBeGreaterThan(0);
      });
    }

    if (Array.isArray(c.wrongRole)) {
      for (const as of c.wrongRole) {
        it(`refuses ${as} with FORBIDDEN`, async () => {
          await expect(call(w, as, path, await c.input?.(w))).rejects.toMatchObject({ code: 'FORBIDDEN' });
        });
      }
    }

    if ('as' in c.wrongTenant) {
      const { as, input, expect: code = 'NOT_FOUND' } = c.wrongTenant;
      it(`answers ${code} to ${as} reaching into another tenant`, async () => {
        await expect(call(w, as, path, await input(w))).rejects.toMatchObject({ code });
      });
    }

    if ('none' in c.wrongTenant && isStaffOnly(c)) {
      // Before the allowed call, which may change who may sign in at all (a sanction, a block).
      it(`is refused to every organization but the platform (no tenant: ${c.wrongTenant.none})`, async () => {
        for (const org of (Object.keys(w.orgs) as (keyof World['orgs'])[]).filter((o) => o !== 'platform')) {
          const as = `${org}.admin` as const;
          await expect(call(w, as, path, await c.input?.(w)), as).rejects.toMatchObject({ code: 'FORBIDDEN' });
        }
      });
    }

    if (c.anonymous === 'refused') {
      if (c.allowed === 'anonymous') throw new Error(`${path}: refuses anonymous callers, yet allows them`);
      const allowed = c.allowed;
      it(`serves ${allowed}`, async () => {
        served = await outcome(w, allowed, path, await c.input?.(w));
        expect(served).toMatchObject({ ok: true });
      });
    } else {
      if (c.allowed !== 'anonymous') throw new Error(`${path}: public, yet allows only ${c.allowed}`);
      // The table's input may be a placeholder (an unknown invitation token, no evidence
      // file): public means the call gets past authorization, whatever it then answers.
      it(`answers an anonymous caller, refusing nothing and recording no refusal (public: ${c.anonymous.isPublic})`, async () => {
        served = await outcome(w, 'anonymous', path, await c.input?.(w));
        expect(codeOf(served)).not.toMatch(REFUSED);
        expect(await refusalsRecorded()).toBe(0);
      });
    }

    if ('none' in c.wrongTenant) {
      const { none, tenant, shared } = c.wrongTenant;
      const allowed = c.allowed;
      if (allowed === 'anonymous') {
        it(`answers a signed-in caller of any organization as it answers an anonymous one (no tenant: ${none})`, async () => {
          for (const as of ['creditorA.admin', 'agencyB.collector'] as const) {
            const answer = await outcome(w, as, path, await c.input?.(w));
            expect(codeOf(answer), as).toBe(codeOf(served!));
            // A change answers anew each time (a new challenge, a new registration); a read answers the same.
            if (answer.ok && served?.ok && isQuery(path)) expect(answer.value, as).toEqual(served.value);
          }
        });
      } else if (allowed === 'debtor') {
        it(`answers another verified debtor with nothing of this debtor's case (no tenant: ${none})`, async () => {
          const answer = await outcome(w, 'otherDebtor', path, await c.input?.(w));
          expect(codeOf(answer)).not.toMatch(REFUSED);
          if (!answer.ok || !served?.ok) return;
          const { own } = debtorsOf(w);
          const text = textOf(answer.value);
          expect(text).not.toContain(own.caseId);
          expect(text).not.toContain(own.contractNo);
        });
      } else if (!isStaffOnly(c)) {
        const owner = tenant ?? allowed;
        const other = siblingOf(owner);
        it(`answers ${other} with nothing of ${owner}'s (no tenant: ${none})`, async () => {
          const own = tenant ? await outcome(w, tenant, path, await c.input?.(w)) : served;
          expect(own).toMatchObject({ ok: true });
          const answer = await outcome(w, other, path, await c.input?.(w));
          // Refused for a reason of its own (no application of its own to submit) is fine; refused for who it is is not.
          expect(codeOf(answer)).not.toMatch(REFUSED);
          if (!answer.ok) return;
          const text = textOf(answer.value);
          const sameOrg = orgOf(other) === orgOf(owner);
          const owners = sameOrg ? [owner] : usersOf(w, orgOf(owner));
          const names = [
            ...owners.flatMap((k) => [w.users[k].id, w.users[k].name]),
            ...(sameOrg ? [] : [w.orgs[orgOf(owner)].id, w.orgs[orgOf(owner)].name]),
          ];
          for (const name of names) expect(text).not.toContain(name);
          if (!shared) {
            const theirs = idsIn(answer.value);
            expect([...idsIn(own?.ok ? own.value : null)].filter((id) => theirs.has(id))).toEqual([]);
          }
        });
      }
    }

    if (!Array.isArray(c.wrongRole)) {
      const { none } = c.wrongRole;
      // Organizations still applying see only their application: that is admission, not role.
      it(`refuses no role of an admitted organization (${none})`, async () => {
        const admitted = (Object.keys(w.orgs) as (keyof World['orgs'])[]).filter((o) => w.orgs[o].status === 'active');
        for (const as of admitted.flatMap((o) => usersOf(w, o))) {
          expect(codeOf(await outcome(w, as, path, await c.input?.(w))), as).not.toMatch(REFUSED);
        }
      });
    }
  });
}
