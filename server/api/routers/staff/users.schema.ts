import { z } from 'zod';
import { ZId, ZNewUser, ZPageInput } from '../shared.schema';

export const ZCreateUserInput = ZNewUser.extend({ orgId: ZId });
export type TCreateUserInput = z.input<typeof ZCreateUserInput>;

export const ZDisableUserInput = z.strictObject({ userId: ZId });

export const ZListUsersInput = ZPageInput.extend({ orgId: ZId });
