// What an API key may do (/api/v1), by the kind of organization it belongs to. A key acts
// as its organization with these scopes only; every endpoint names the one it needs.
export const API_SCOPES = {
  creditor: ['cases:read', 'cases:write', 'repayments:write', 'packages:read', 'events:read'],
  agency: ['cases:read', 'actions:write', 'repayments:write', 'calls:write', 'events:read'],
} as const;

export type ApiScope = (typeof API_SCOPES)[keyof typeof API_SCOPES][number];
export const ALL_API_SCOPES = [...new Set<ApiScope>([...API_SCOPES.creditor, ...API_SCOPES.agency])];

/** What a key's secret looks like: the product's mark, then 40 URL-safe characters. */
export const API_KEY_PATTERN = /^dl_live_[A-Za-z0-9_-]{40}$/;
export const API_KEY_MARK = 'dl_live_';
/** Characters after the mark that find the key's row (shown on the screen beside the name). */
export const API_KEY_PREFIX_LENGTH = 10;

/** Calls a minute a key may make unless its organization asked for fewer. */
export const DEFAULT_API_RATE_LIMIT = 600;
export const MAX_API_RATE_LIMIT = 6000;
export const MAX_API_KEY_NAME = 60;
