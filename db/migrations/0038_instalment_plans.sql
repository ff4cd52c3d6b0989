CREATE TYPE "public"."instalment_status" AS ENUM('due', 'partly_paid', 'paid', 'missed');--> statement-breakpoint
CREATE TYPE "public"."plan_status" AS ENUM('active', 'completed', 'broken', 'superseded');--> statement-breakpoint
CREATE TABLE "plan_instalments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"no" smallint NOT NULL,
	"due_date" date NOT NULL,
	"amount" bigint NOT NULL,
	"paid_amount" bigint DEFAULT 0 NOT NULL,
	"paid_on" date,
	"status" "instalment_status" DEFAULT 'due' NOT NULL,
	CONSTRAINT "plan_instalments_paid_check" CHECK ("plan_instalments"."paid_amount" between 0 and "plan_instalments"."amount"),
	CONSTRAINT "plan_instalments_amount_check" CHECK ("plan_instalments"."amount" >= 0),
	CONSTRAINT "plan_instalments_no_check" CHECK ("plan_instalments"."no" between 1 and 60)
);
--> statement-breakpoint
CREATE TABLE "repayment_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"creditor_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"kind" "restructure_kind" NOT NULL,
	"total_amount" bigint NOT NULL,
	"repaid_before" bigint NOT NULL,
	"counts_from" timestamp (3) with time zone NOT NULL,
	"grace_days" smallint NOT NULL,
	"status" "plan_status" DEFAULT 'active' NOT NULL,
	"approved_at" timestamp (3) with time zone NOT NULL,
	"ended_at" timestamp (3) with time zone,
	"broken_on" date,
	"missed_instalment_no" smallint,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "repayment_plans_grace_check" CHECK ("repayment_plans"."grace_days" between 0 and 30)
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "plan_broken_on" date;--> statement-breakpoint
ALTER TABLE "packages" ADD COLUMN "instalment_grace_days" smallint DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "restructure_requests" ADD COLUMN "repaid_before" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_instalments" ADD CONSTRAINT "plan_instalments_plan_id_repayment_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."repayment_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_instalments" ADD CONSTRAINT "plan_instalments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repayment_plans" ADD CONSTRAINT "repayment_plans_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repayment_plans" ADD CONSTRAINT "repayment_plans_creditor_id_organizations_id_fk" FOREIGN KEY ("creditor_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repayment_plans" ADD CONSTRAINT "repayment_plans_agency_id_organizations_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repayment_plans" ADD CONSTRAINT "repayment_plans_request_id_restructure_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."restructure_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_instalments_no_key" ON "plan_instalments" USING btree ("plan_id","no");--> statement-breakpoint
CREATE INDEX "plan_instalments_due_idx" ON "plan_instalments" USING btree ("due_date") WHERE "plan_instalments"."status" in ('due', 'partly_paid');--> statement-breakpoint
CREATE UNIQUE INDEX "repayment_plans_request_key" ON "repayment_plans" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "repayment_plans_in_force_key" ON "repayment_plans" USING btree ("case_id") WHERE "repayment_plans"."status" in ('active', 'completed');--> statement-breakpoint
CREATE INDEX "repayment_plans_case_idx" ON "repayment_plans" USING btree ("case_id","created_at");--> statement-breakpoint
ALTER TABLE "packages" ADD CONSTRAINT "packages_instalment_grace_check" CHECK ("packages"."instalment_grace_days" between 0 and 30);--> statement-breakpoint
-- hand-written
-- Plans for restructurings approved before plans were kept: each approved request becomes a
-- plan, the newest per case in force and the older ones superseded. Their schedules were
-- drawn on the whole overdue amount, so nothing was repaid outside them (repaid_before 0)
-- and every confirmed repayment counts toward them (counts_from the epoch), as the case's
-- balance and days overdue already read them.
INSERT INTO "repayment_plans" ("case_id", "creditor_id", "agency_id", "request_id", "kind", "total_amount", "repaid_before", "counts_from", "grace_days", "status", "approved_at", "ended_at")
SELECT r."case_id", r."creditor_id", r."agency_id", r."id", r."kind", r."total_amount", 0, 'epoch'::timestamptz,
  coalesce(p."instalment_grace_days", 3),
  (CASE WHEN row_number() OVER (PARTITION BY r."case_id" ORDER BY r."decided_at" DESC, r."id" DESC) = 1 THEN 'active' ELSE 'superseded' END)::"plan_status",
  coalesce(r."decided_at", r."created_at"),
  CASE WHEN row_number() OVER (PARTITION BY r."case_id" ORDER BY r."decided_at" DESC, r."id" DESC) = 1 THEN NULL ELSE now() END
FROM "restructure_requests" r
LEFT JOIN "commissions" c ON c."id" = r."commission_id"
LEFT JOIN "packages" p ON p."id" = c."package_id"
WHERE r."status" = 'approved';--> statement-breakpoint
-- Their instalments, paid in date order by what each case has repaid.
INSERT INTO "plan_instalments" ("plan_id", "case_id", "no", "due_date", "amount", "paid_amount", "status")
SELECT x."plan_id", x."case_id", x."no", x."due_date", x."amount", x."paid",
  (CASE WHEN x."paid" >= x."amount" THEN 'paid' WHEN x."paid" > 0 THEN 'partly_paid' ELSE 'due' END)::"instalment_status"
FROM (
  SELECT pl."id" AS "plan_id", pl."case_id", l."no"::smallint AS "no", (l."line"->>'dueDate')::date AS "due_date",
    (l."line"->>'amount')::bigint AS "amount",
    least((l."line"->>'amount')::bigint, greatest(0, cs."repaid_amount" - coalesce(sum((l."line"->>'amount')::bigint) OVER (PARTITION BY pl."id" ORDER BY l."no" ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0))) AS "paid"
  FROM "repayment_plans" pl
  JOIN "restructure_requests" r ON r."id" = pl."request_id"
  JOIN "cases" cs ON cs."id" = pl."case_id"
  CROSS JOIN LATERAL jsonb_array_elements(r."schedule") WITH ORDINALITY AS l("line", "no")
) x;--> statement-breakpoint
-- A plan in force whose every instalment is paid is complete.
UPDATE "repayment_plans" pl SET "status" = 'completed', "ended_at" = now()
WHERE pl."status" = 'active'
  AND NOT EXISTS (SELECT 1 FROM "plan_instalments" i WHERE i."plan_id" = pl."id" AND i."paid_amount" < i."amount");
