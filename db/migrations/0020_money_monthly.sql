CREATE TABLE "money_monthly" (
	"creditor_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"month" text NOT NULL,
	"recovered" bigint DEFAULT 0 NOT NULL,
	"repayments" integer DEFAULT 0 NOT NULL,
	"commission" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "money_monthly_creditor_id_agency_id_month_pk" PRIMARY KEY("creditor_id","agency_id","month")
);
--> statement-breakpoint
ALTER TABLE "money_monthly" ADD CONSTRAINT "money_monthly_creditor_id_organizations_id_fk" FOREIGN KEY ("creditor_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_monthly" ADD CONSTRAINT "money_monthly_agency_id_organizations_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "money_monthly_agency_idx" ON "money_monthly" USING btree ("agency_id","month");--> statement-breakpoint
-- Money already confirmed before the rollup existed.
INSERT INTO money_monthly (creditor_id, agency_id, month, recovered, repayments, commission)
SELECT creditor_id, agency_id, month, sum(recovered), sum(repayments), sum(commission) FROM (
  SELECT creditor_id, agency_id, to_char(paid_on, 'YYYY-MM') AS month, sum(amount) AS recovered, count(*)::int AS repayments, 0::bigint AS commission
  FROM repayments WHERE status = 'confirmed' AND agency_id IS NOT NULL GROUP BY 1, 2, 3
  UNION ALL
  SELECT creditor_id, agency_id, to_char(earned_on, 'YYYY-MM'), 0, 0, sum(amount) FROM commission_lines GROUP BY 1, 2, 3
) x GROUP BY 1, 2, 3;
