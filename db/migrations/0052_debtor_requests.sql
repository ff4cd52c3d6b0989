ALTER TABLE "restructure_requests" ALTER COLUMN "created_by" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "contact_requests" ALTER COLUMN "org_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "contact_requests" ALTER COLUMN "recorded_by" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "restructure_requests" ADD COLUMN "origin" "hold_origin" DEFAULT 'agency' NOT NULL;--> statement-breakpoint
ALTER TABLE "contact_requests" ADD COLUMN "origin" "hold_origin" DEFAULT 'agency' NOT NULL;--> statement-breakpoint
ALTER TABLE "restructure_requests" ADD CONSTRAINT "restructure_requests_origin_check" CHECK ("restructure_requests"."origin" = 'debtor' or "restructure_requests"."created_by" is not null);--> statement-breakpoint
ALTER TABLE "contact_requests" ADD CONSTRAINT "contact_requests_origin_check" CHECK ("contact_requests"."origin" = 'debtor' or ("contact_requests"."org_id" is not null and "contact_requests"."recorded_by" is not null));