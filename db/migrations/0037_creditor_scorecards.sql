CREATE TABLE "creditor_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"creditor_id" uuid NOT NULL,
	"month" text NOT NULL,
	"rating" smallint NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"rated_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "creditor_ratings_range" CHECK ("creditor_ratings"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "creditor_scorecards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"creditor_id" uuid NOT NULL,
	"month" text NOT NULL,
	"formula_version" smallint NOT NULL,
	"month_score_bp" integer NOT NULL,
	"score_bp" integer NOT NULL,
	"components" jsonb NOT NULL,
	"inputs" jsonb NOT NULL,
	"computed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "creditor_scorecards_score_range" CHECK ("creditor_scorecards"."month_score_bp" between 0 and 10000 and "creditor_scorecards"."score_bp" between 0 and 10000)
);
--> statement-breakpoint
ALTER TABLE "creditor_ratings" ADD CONSTRAINT "creditor_ratings_agency_id_organizations_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "creditor_ratings" ADD CONSTRAINT "creditor_ratings_creditor_id_organizations_id_fk" FOREIGN KEY ("creditor_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "creditor_ratings" ADD CONSTRAINT "creditor_ratings_rated_by_users_id_fk" FOREIGN KEY ("rated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "creditor_scorecards" ADD CONSTRAINT "creditor_scorecards_creditor_id_organizations_id_fk" FOREIGN KEY ("creditor_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "creditor_ratings_idx" ON "creditor_ratings" USING btree ("agency_id","creditor_id","month");--> statement-breakpoint
CREATE INDEX "creditor_ratings_creditor_idx" ON "creditor_ratings" USING btree ("creditor_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "creditor_scorecards_creditor_month_idx" ON "creditor_scorecards" USING btree ("creditor_id","month");--> statement-breakpoint
CREATE INDEX "creditor_scorecards_month_idx" ON "creditor_scorecards" USING btree ("month","score_bp");