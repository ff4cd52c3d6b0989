import type { AnyEndpoint } from '../endpoint';
import { agencyEndpoints } from './agency';
import { creditorEndpoints } from './creditor';

/** Every endpoint of /api/v1, in the order the reference lists them. */
export const ENDPOINTS: readonly AnyEndpoint[] = [...creditorEndpoints, ...agencyEndpoints];
