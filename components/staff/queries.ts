import type { OrgStatus, OrgType } from '@/lib/enums';

/** Every organization on the platform (orgs-screen.tsx), filtered and searched. */
export const orgsInput = ({
  type = '',
  status = '',
  search = '',
}: { type?: OrgType | ''; status?: OrgStatus | ''; search?: string } = {}) => ({
  limit: 25,
  ...(type ? { type } : {}),
  ...(status ? { status } : {}),
  ...(search ? { q: search } : {}),
});
