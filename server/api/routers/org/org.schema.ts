import { z } from 'zod';
import { ZId, ZNewUser, ZOrg, ZPageInput, ZUser, pageOf } from '../shared.schema';

export const ZGetOrgOutput = ZOrg.extend({ activeUserCount: z.number().int() });

export const ZListOrgUsersInput = ZPageInput;
export const ZListOrgUsersOutput = pageOf(ZUser);

// Strict: the organization comes from the session, so an `orgId` in the input is refused
// rather than silently ignored.
export const ZInviteOrgUserInput = ZNewUser;
export type TInviteOrgUserInput = z.input<typeof ZInviteOrgUserInput>;

export const ZDisableOrgUserInput = z.strictObject({ userId: ZId });
