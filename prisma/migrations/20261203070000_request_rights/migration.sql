-- Requests as the GDPR requires (issue 11): a request type to contest an automated
-- decision (art. 22(3)), the ground of a refusal (art. 12(4)/(5), 21(1)), the moment an
-- unconfirmed web request lapsed and its requester was told, and consent purposes known
-- as direct marketing (art. 21(2)-(3)).

ALTER TYPE "RequestType" ADD VALUE IF NOT EXISTS 'AUTOMATED_DECISION';

ALTER TABLE "DataRequest" ADD COLUMN "refusalGround" TEXT;
ALTER TABLE "DataRequest" ADD COLUMN "lapsedAt" TIMESTAMP(3);

ALTER TABLE "ConsentPurpose" ADD COLUMN "directMarketing" BOOLEAN NOT NULL DEFAULT false;
