CREATE TYPE "public"."bid_status" AS ENUM('submitted', 'withdrawn', 'won', 'lost');--> statement-breakpoint
CREATE TYPE "public"."bidder_circle" AS ENUM('all', 'invited');--> statement-breakpoint
CREATE TYPE "public"."commission_status" AS ENUM('active', 'ended');--> statement-breakpoint
CREATE TYPE "public"."package_status" AS ENUM('draft', 'open', 'closed', 'offered', 'awarded', 'active', 'completed', 'recalled', 'cancelled');--> statement-breakpoint
CREATE TABLE "bids" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"package_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"status" "bid_status" DEFAULT 'submitted' NOT NULL,
	"fee_bp" integer NOT NULL,
	"expected_recovery_bp" integer NOT NULL,
	"plan" text NOT NULL,
	"team_size" integer NOT NULL,
	"provinces" text[] NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"package_id" uuid NOT NULL,
	"creditor_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"bid_id" uuid,
	"fee_bp" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" "commission_status" DEFAULT 'active' NOT NULL,
	"share" jsonb NOT NULL,
	"case_count" integer NOT NULL,
	"total_overdue" bigint NOT NULL,
	"ended_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "package_invites" (
	"package_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	CONSTRAINT "package_invites_package_id_agency_id_pk" PRIMARY KEY("package_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "packages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"creditor_id" uuid NOT NULL,
	"name" text NOT NULL,
	"status" "package_status" DEFAULT 'draft' NOT NULL,
	"source" jsonb NOT NULL,
	"import_id" uuid,
	"figures" jsonb NOT NULL,
	"commission_start" date,
	"commission_end" date,
	"reserve_fee_bp" integer,
	"expected_recovery_bp" integer,
	"min_tier" "admission_tier",
	"bidder_circle" "bidder_circle" DEFAULT 'all' NOT NULL,
	"closes_at" timestamp (3) with time zone,
	"allowed_channels" text[] DEFAULT '{}'::text[] NOT NULL,
	"max_reduction_bp" integer DEFAULT 0 NOT NULL,
	"max_instalments" integer DEFAULT 1 NOT NULL,
	"offered_agency_id" uuid,
	"offer_fee_bp" integer,
	"offer_expires_at" timestamp (3) with time zone,
	"opened_at" timestamp (3) with time zone,
	"awarded_at" timestamp (3) with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "package_id" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "agency_id" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "commission_id" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "collector_id" uuid;--> statement-breakpoint
ALTER TABLE "bids" ADD CONSTRAINT "bids_package_id_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."packages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bids" ADD CONSTRAINT "bids_agency_id_organizations_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bids" ADD CONSTRAINT "bids_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_package_id_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."packages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_creditor_id_organizations_id_fk" FOREIGN KEY ("creditor_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_agency_id_organizations_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_bid_id_bids_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bids"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_invites" ADD CONSTRAINT "package_invites_package_id_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."packages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_invites" ADD CONSTRAINT "package_invites_agency_id_organizations_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "packages" ADD CONSTRAINT "packages_creditor_id_organizations_id_fk" FOREIGN KEY ("creditor_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "packages" ADD CONSTRAINT "packages_import_id_case_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."case_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "packages" ADD CONSTRAINT "packages_offered_agency_id_organizations_id_fk" FOREIGN KEY ("offered_agency_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "packages" ADD CONSTRAINT "packages_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bids_live_idx" ON "bids" USING btree ("package_id","agency_id") WHERE "bids"."status" = 'submitted';--> statement-breakpoint
CREATE INDEX "bids_package_idx" ON "bids" USING btree ("package_id","created_at","id");--> statement-breakpoint
CREATE INDEX "bids_agency_idx" ON "bids" USING btree ("agency_id","created_at","id");--> statement-breakpoint
CREATE INDEX "commissions_agency_idx" ON "commissions" USING btree ("agency_id","status");--> statement-breakpoint
CREATE INDEX "commissions_package_idx" ON "commissions" USING btree ("package_id");--> statement-breakpoint
CREATE INDEX "commissions_creditor_idx" ON "commissions" USING btree ("creditor_id","status");--> statement-breakpoint
CREATE INDEX "package_invites_agency_idx" ON "package_invites" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "packages_creditor_idx" ON "packages" USING btree ("creditor_id","created_at","id");--> statement-breakpoint
CREATE INDEX "packages_creditor_status_idx" ON "packages" USING btree ("creditor_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "packages_market_idx" ON "packages" USING btree ("status","closes_at","id");--> statement-breakpoint
CREATE INDEX "cases_package_idx" ON "cases" USING btree ("package_id");--> statement-breakpoint
CREATE INDEX "cases_agency_list_idx" ON "cases" USING btree ("agency_id","created_at","id");--> statement-breakpoint
CREATE INDEX "cases_collector_list_idx" ON "cases" USING btree ("collector_id","created_at","id");--> statement-breakpoint
CREATE INDEX "cases_commission_idx" ON "cases" USING btree ("commission_id");--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_package_id_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."packages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_agency_id_organizations_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_commission_id_commissions_id_fk" FOREIGN KEY ("commission_id") REFERENCES "public"."commissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_collector_id_users_id_fk" FOREIGN KEY ("collector_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
