ALTER TABLE "users" ADD COLUMN "phone_sealed" jsonb;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "session_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- DESIGN §5: staff mobile numbers are sealed like debtors' numbers. SQL cannot seal (the
-- key is the app's PII_ENCRYPTION_KEY), so `npm run db:migrate` seals the numbers still in
-- the plain column right after this migration and empties it (server/migrate.ts). From
-- here on the database refuses a plain number in it: NOT VALID checks every new or
-- changed row but not the rows waiting for that re-seal.
ALTER TABLE "users" ADD CONSTRAINT "users_phone_plain_empty" CHECK ("phone" IS NULL) NOT VALID;
