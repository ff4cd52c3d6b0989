import type { OrgType, Role } from '@/db/enums';

declare module 'next-auth' {
  interface Session {
    user: { id: string; name: string; email: string; orgId: string; orgType: OrgType; role: Role };
  }
  interface User {
    id: string;
    orgId: string;
    orgType: OrgType;
    role: Role;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid?: string;
    orgId?: string;
    orgType?: OrgType;
    role?: Role;
  }
}
