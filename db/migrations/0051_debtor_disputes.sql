CREATE TYPE "public"."hold_origin" AS ENUM('agency', 'debtor');--> statement-breakpoint
ALTER TABLE "case_holds" ADD COLUMN "origin" "hold_origin" DEFAULT 'agency' NOT NULL;