import type { OrgType, Role } from '@/lib/enums';

declare module 'next-auth' {
  interface Session {
    user: { id: string; name: string; email: string; orgId: string; orgType: OrgType; role: Role };
  }
  interface User {
    id: string;
    orgId: string;
    orgType: OrgType;
    role: Role;
    /** users.session_version at sign-in; every request compares it (server/domain/auth/load-actor.ts). */
    sessionVersion: number;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid?: string;
    orgId?: string;
    orgType?: OrgType;
    role?: Role;
    /** The user's session version at sign-in: a sign-out, password change or block raises it and the token is refused. */
    sv?: number;
  }
}
