CREATE TYPE "public"."payment_order_status" AS ENUM('created', 'paid');--> statement-breakpoint
CREATE TYPE "public"."payment_provider" AS ENUM('alipay');--> statement-breakpoint
CREATE TABLE "case_payment_refs" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"creditor_id" uuid NOT NULL,
	"ref" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "creditor_payment_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"account_name" text DEFAULT '' NOT NULL,
	"bank_name" text DEFAULT '' NOT NULL,
	"account_no" text DEFAULT '' NOT NULL,
	"provider" "payment_provider",
	"provider_app_id" text DEFAULT '' NOT NULL,
	"provider_private_key_sealed" text,
	"provider_public_key" text DEFAULT '' NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"creditor_id" uuid NOT NULL,
	"provider" "payment_provider" NOT NULL,
	"out_trade_no" text NOT NULL,
	"amount" bigint NOT NULL,
	"pay_url" text NOT NULL,
	"status" "payment_order_status" DEFAULT 'created' NOT NULL,
	"trade_no" text,
	"repayment_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"paid_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "repayments" ALTER COLUMN "reported_by" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "case_payment_refs" ADD CONSTRAINT "case_payment_refs_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_payment_refs" ADD CONSTRAINT "case_payment_refs_creditor_id_organizations_id_fk" FOREIGN KEY ("creditor_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "creditor_payment_settings" ADD CONSTRAINT "creditor_payment_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "creditor_payment_settings" ADD CONSTRAINT "creditor_payment_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_orders" ADD CONSTRAINT "payment_orders_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_orders" ADD CONSTRAINT "payment_orders_creditor_id_organizations_id_fk" FOREIGN KEY ("creditor_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_orders" ADD CONSTRAINT "payment_orders_repayment_id_repayments_id_fk" FOREIGN KEY ("repayment_id") REFERENCES "public"."repayments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_payment_refs_ref_key" ON "case_payment_refs" USING btree ("ref");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_orders_out_trade_no_key" ON "payment_orders" USING btree ("out_trade_no");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_orders_trade_no_key" ON "payment_orders" USING btree ("provider","trade_no") WHERE "payment_orders"."trade_no" is not null;--> statement-breakpoint
CREATE INDEX "payment_orders_case_idx" ON "payment_orders" USING btree ("case_id","created_at");--> statement-breakpoint
-- hand-written: a repayment nobody recorded is one the creditor's payment provider notified
-- (the debtor paid online): the creditor's side, and confirmed as it lands.
ALTER TABLE "repayments" ADD CONSTRAINT "repayments_reporter_or_provider" CHECK ("reported_by" IS NOT NULL OR ("source" = 'creditor' AND "status" <> 'reported'));
