import { z } from 'zod';
import { CLOSE_REASON_LENGTH } from '@/lib/cases';

export const ZCloseCaseInput = z.object({ caseId: z.uuid(), reason: z.string().trim().min(CLOSE_REASON_LENGTH.min).max(CLOSE_REASON_LENGTH.max) });
export type TCloseCaseInput = z.input<typeof ZCloseCaseInput>;
export const ZClosedCase = z.object({ id: z.string(), status: z.literal('closed_unrecoverable'), closedOn: z.string(), closedReason: z.string() });
