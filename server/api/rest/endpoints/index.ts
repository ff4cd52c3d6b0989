import type { AnyEndpoint } from '../endpoint';
import { agencyEndpoints } from './agency';
import { creditorEndpoints } from './creditor';
import { creditorBatchEndpoints } from './creditor-batches';
import { eventEndpoints } from './events';

/** Every endpoint of /api/v1, in the order the reference lists them. */
export const ENDPOINTS: readonly AnyEndpoint[] = [
  ...creditorBatchEndpoints,
  ...creditorEndpoints,
  ...agencyEndpoints,
  ...eventEndpoints,
];
