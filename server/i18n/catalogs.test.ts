// Every string the UI shows lives in both catalogs (zh-CN first, en second), and every
// domain error code has a translated message in each.
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, NOTIFICATION_KINDS, ORG_STATUSES, ORG_TYPES } from '@/lib/enums';
import { ROLES_BY_ORG_TYPE } from '@/lib/organizations';
import { DOMAIN_ERRORS } from '../errors';
import { PERMISSIONS } from '../auth/permissions';
import { hasMessage, MESSAGES } from './translate';

const keysOf = (node: unknown, prefix = ''): string[] =>
  typeof node === 'object' && node !== null
    ? Object.entries(node).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k))
    : [prefix];

describe('message catalogs', () => {
  it('zh-CN and en have the same keys', () => {
    expect(keysOf(MESSAGES.en).sort()).toEqual(keysOf(MESSAGES['zh-CN']).sort());
  });

  it('translate every domain error, role, status, permission and audit action', () => {
    const needed = [
      ...Object.keys(DOMAIN_ERRORS).map((c) => `errors.${c}`),
      ...ORG_TYPES.flatMap((t) => ROLES_BY_ORG_TYPE[t].map((r) => `roles.${t}.${r}`)),
      ...ORG_STATUSES.map((s) => `orgStatus.${s}`),
      ...ORG_TYPES.map((t) => `orgType.${t}`),
      ...AUDIT_ACTIONS.map((a) => `auditAction.${a}`),
      ...NOTIFICATION_KINDS.map((k) => `notifications.kind.${k}`),
      ...Object.keys(PERMISSIONS).map((p) => `permissions.${p.replaceAll('.', '_')}`),
    ];
    for (const locale of ['zh-CN', 'en'] as const) {
      const missing = needed.filter((k) => !hasMessage(locale, k));
      expect(missing, locale).toEqual([]);
    }
  });
});
