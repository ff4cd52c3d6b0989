CREATE UNLOGGED TABLE "case_import_rows" (
	"import_id" uuid NOT NULL,
	"row" integer NOT NULL,
	"contract_no" text NOT NULL,
	"data" jsonb NOT NULL,
	CONSTRAINT "case_import_rows_import_id_contract_no_pk" PRIMARY KEY("import_id","contract_no")
);
--> statement-breakpoint
ALTER TABLE "case_imports" ADD COLUMN "rows_written" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "case_import_rows" ADD CONSTRAINT "case_import_rows_import_id_case_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."case_imports"("id") ON DELETE cascade ON UPDATE no action;