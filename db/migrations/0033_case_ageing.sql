ALTER TABLE "cases" ADD COLUMN "overdue_from" date;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "overdue_since" date;--> statement-breakpoint
-- The day each case's first missed payment fell due, from the days overdue its file gave on
-- the day it was imported (Beijing); where its days overdue count from today: a paid-up case
-- is current, a case under an approved plan counts from the plan's first unpaid line.
UPDATE "cases" SET "overdue_from" = ("created_at" AT TIME ZONE 'Asia/Shanghai')::date - "days_overdue";--> statement-breakpoint
UPDATE "cases" SET "overdue_since" = "overdue_from" WHERE "status" <> 'settled' AND "repaid_amount" < "amount_overdue";--> statement-breakpoint
WITH "plan" AS (
  SELECT DISTINCT ON ("case_id") "case_id", "schedule" FROM "restructure_requests"
  WHERE "status" = 'approved' ORDER BY "case_id", "decided_at" DESC
), "lines" AS (
  SELECT p."case_id", (l."value"->>'dueDate')::date AS "due",
    sum((l."value"->>'amount')::bigint) OVER (PARTITION BY p."case_id" ORDER BY l."ord") AS "covered"
  FROM "plan" p, jsonb_array_elements(p."schedule") WITH ORDINALITY AS l("value", "ord")
), "first_unpaid" AS (
  SELECT DISTINCT ON (ln."case_id") ln."case_id", ln."due" FROM "lines" ln
  JOIN "cases" c ON c."id" = ln."case_id" WHERE c."repaid_amount" < ln."covered"
  ORDER BY ln."case_id", ln."covered"
)
UPDATE "cases" c SET "overdue_since" = fu."due"
FROM "plan" p LEFT JOIN "first_unpaid" fu ON fu."case_id" = p."case_id"
WHERE c."id" = p."case_id" AND c."status" <> 'settled';
