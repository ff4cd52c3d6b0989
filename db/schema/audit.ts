import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns';

// Append-only: a trigger in the migrations refuses UPDATE, DELETE and TRUNCATE
// (NIFA 2018: collection records and the audit trail are kept, never deleted).
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: ts().notNull().defaultNow(),
    actorUserId: uuid(),
    actorOrgId: uuid(),
    actorRole: text(),
    // The organization the resource belongs to, so a tenant's trail can be filtered.
    orgId: uuid(),
    action: text().notNull(),
    resourceType: text().notNull(),
    resourceId: text(),
    before: jsonb(),
    after: jsonb(),
    ip: text(),
    userAgent: text(),
    /** The API key the call came with (/api/v1); null for the screens and the system. */
    apiKeyId: uuid(),
  },
  // Ascending btree columns: lists read them backwards for ORDER BY … DESC (NULLS FIRST),
  // which an index declared DESC NULLS LAST could not serve.
  (t) => [
    index('audit_log_at_idx').on(t.at, t.id),
    index('audit_log_actor_idx').on(t.actorUserId, t.id),
    index('audit_log_org_idx').on(t.orgId, t.id),
    index('audit_log_action_idx').on(t.action, t.id),
    index('audit_log_api_key_idx')
      .on(t.apiKeyId, t.id)
      .where(sql`api_key_id is not null`),
  ],
);

export type AuditRow = typeof auditLog.$inferSelect;
export type NewAuditRow = typeof auditLog.$inferInsert;
