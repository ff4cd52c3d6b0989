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
  /** A caller who may call it: proves the refusals below are not vacuous. */
  allowed: UserKey | 'anonymous';
  /** Anonymous callers are refused with UNAUTHORIZED, unless the procedure is public for a stated reason. */
  anonymous: 'refused' | { isPublic: string };
  /** Callers whose role or portal may not call it: FORBIDDEN. */
  wrongRole: UserKey[] | { none: string };
  /** A caller pointing at another tenant's resource: NOT_FOUND unless said otherwise. */
  wrongTenant:
    | { as: UserKey; input: (w: World) => unknown; expect?: 'NOT_FOUND' | 'BAD_REQUEST' }
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
