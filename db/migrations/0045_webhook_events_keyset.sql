DROP INDEX "webhook_events_org_idx";--> statement-breakpoint
CREATE INDEX "webhook_events_org_idx" ON "webhook_events" USING btree ("org_id","created_at","id");