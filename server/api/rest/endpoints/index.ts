import type { AnyEndpoint } from '../endpoint';
import { agencyEndpoints } from './agency';
import { callRecordingEndpoints } from './call-recordings';
import { creditorEndpoints } from './creditor';
import { creditorBatchEndpoints } from './creditor-batches';
import { eventEndpoints } from './events';

/** Every endpoint of /api/v1, in the order the reference lists them. */
export const ENDPOINTS: readonly AnyEndpoint[] = [
  ...creditorBatchEndpoints,
  ...creditorEndpoints,
  ...agencyEndpoints,
  ...callRecordingEndpoints,
  ...eventEndpoints,
];
