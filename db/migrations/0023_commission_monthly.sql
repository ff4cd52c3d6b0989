CREATE TABLE "commission_monthly" (
	"commission_id" uuid NOT NULL,
	"creditor_id" uuid NOT NULL,
	"month" text NOT NULL,
	"recovered" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "commission_monthly_commission_id_month_pk" PRIMARY KEY("commission_id","month")
);
--> statement-breakpoint
ALTER TABLE "commission_monthly" ADD CONSTRAINT "commission_monthly_commission_id_commissions_id_fk" FOREIGN KEY ("commission_id") REFERENCES "public"."commissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_monthly" ADD CONSTRAINT "commission_monthly_creditor_id_organizations_id_fk" FOREIGN KEY ("creditor_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commission_monthly_creditor_idx" ON "commission_monthly" USING btree ("creditor_id");--> statement-breakpoint
CREATE INDEX "promises_creditor_due_idx" ON "promises" USING btree ("creditor_id","due_date");--> statement-breakpoint
-- Money already confirmed before the rollup existed.
INSERT INTO commission_monthly (commission_id, creditor_id, month, recovered)
SELECT commission_id, creditor_id, to_char(paid_on, 'YYYY-MM'), sum(amount)
FROM repayments WHERE status = 'confirmed' AND commission_id IS NOT NULL GROUP BY 1, 2, 3;
