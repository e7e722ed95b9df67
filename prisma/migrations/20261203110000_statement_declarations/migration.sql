-- What a statement declares outright (no cookies, no recipients, no DPO, the change-notice
-- promise, automated decisions, the EU representative, where to get a copy of the
-- safeguards), and where each data category comes from (GDPR art. 13/14, 14(2)(f)).
-- Published versions stay immutable: the existing triggers refuse any change to their rows.
-- Existing versions declare nothing: an empty table no longer makes a claim.

CREATE TYPE "DataOrigin" AS ENUM ('SUBJECT', 'OTHER', 'BOTH');

ALTER TABLE "PolicyVersion" ADD COLUMN "declarations" JSONB NOT NULL DEFAULT '{}';

ALTER TABLE "DataCategory" ADD COLUMN "origin" "DataOrigin",
ADD COLUMN "publiclyAccessible" BOOLEAN;
