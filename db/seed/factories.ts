import type { DbOrTx } from '../client';
import type { OrgStatus, OrgType, Role } from '../../lib/enums';
import { organizations, users, type SealedPhone } from '../schema';
import { creditCodeCheckChar } from '../validators/credit-code';

// Row factories shared by the demo data and the tests. They write rows directly (no
// audit), as a migration or an import from an existing system would.

/** A valid unified social credit code from a number: 91 (enterprise) + region + serial. */
export const creditCodeFor = (n: number, region = '110108'): string => {
  const serial = n.toString(10).padStart(9, '0').slice(-9);
  const base = `91${region}${serial}`;
  return base + creditCodeCheckChar(base);
};

let counter = 0;
const next = () => {
  counter += 1;
  return `${Date.now().toString(36)}${process.pid}${counter}`;
};

export type OrgSeed = {
  type: OrgType;
  name?: string;
  creditCode?: string;
  status?: OrgStatus;
  province?: string | null;
  city?: string | null;
};

export const makeOrg = async (db: DbOrTx, seed: OrgSeed) => {
  const n = Math.floor(Math.random() * 1e9);
  const [org] = await db
    .insert(organizations)
    .values({
      type: seed.type,
      name: seed.name ?? `测试机构${next()}`,
      creditCode: seed.creditCode ?? creditCodeFor(n),
      status: seed.status ?? 'active',
      province: seed.province ?? null,
      city: seed.city ?? null,
    })
    .returning();
  if (!org) throw new Error('organization insert returned nothing');
  return org;
};

export type UserSeed = {
  orgId: string;
  role: Role;
  email?: string;
  name?: string;
  /** Sealed (server/domain/users/phones.ts): the database holds no plain number. */
  phoneSealed?: SealedPhone | null;
  passwordHash?: string | null;
  disabledAt?: Date | null;
};

export const makeUser = async (db: DbOrTx, seed: UserSeed) => {
  const [user] = await db
    .insert(users)
    .values({
      orgId: seed.orgId,
      role: seed.role,
      email: (seed.email ?? `user-${next()}@example.cn`).toLowerCase(),
      name: seed.name ?? '测试用户',
      phoneSealed: seed.phoneSealed ?? null,
      passwordHash: seed.passwordHash ?? null,
      disabledAt: seed.disabledAt ?? null,
    })
    .returning();
  if (!user) throw new Error('user insert returned nothing');
  return user;
};
