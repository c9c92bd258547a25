ALTER TABLE "employer_memberships" ADD COLUMN "role" text DEFAULT 'member' NOT NULL;--> statement-breakpoint
ALTER TABLE "employer_memberships" ADD CONSTRAINT "employer_memberships_role" CHECK ("employer_memberships"."role" in ('admin', 'member'));--> statement-breakpoint
-- Every employer that already has members gets one admin: its earliest member (ties broken by
-- user id), as a first sign-in would have made them.
UPDATE "employer_memberships" SET "role" = 'admin'
WHERE ("user_id", "employer_id") IN (
  SELECT DISTINCT ON ("employer_id") "user_id", "employer_id"
  FROM "employer_memberships"
  ORDER BY "employer_id", "created_at", "user_id"
);
