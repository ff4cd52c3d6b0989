-- Open debts by today's bucket read from the index alone: the date days overdue count
-- from, with the status, amounts and placement (the bucket column it replaces is gone).
DROP INDEX IF EXISTS cases_ageing_idx;--> statement-breakpoint
CREATE INDEX cases_ageing_idx ON cases (creditor_id, overdue_since) INCLUDE (status, amount_overdue, repaid_amount, agency_id);
