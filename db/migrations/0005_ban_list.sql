CREATE TYPE "public"."ban_category" AS ENUM('abuse', 'fraud', 'data_breach', 'other');--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "banned_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "ban_category" "ban_category";--> statement-breakpoint
CREATE INDEX "organizations_public_idx" ON "organizations" USING btree ("type","status","name","id");