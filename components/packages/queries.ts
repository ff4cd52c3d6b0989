import type { PackageStatus } from '@/lib/enums';

/** The creditor's packages (packages-screen.tsx), optionally of one status. */
export const packagesInput = (status: PackageStatus | '' = '') => ({ limit: 20, ...(status ? { status } : {}) });
