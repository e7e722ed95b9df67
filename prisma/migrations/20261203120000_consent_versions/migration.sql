-- Consent that proves itself (GDPR art. 7(1)): every wording of a consent purpose is kept
-- as an immutable version, each consent event names the version shown, and a purpose is
-- tied to the statement purpose (Purpose.uid) whose legal basis is consent.

ALTER TABLE "ConsentPurpose" ADD COLUMN "statementPurposeUid" TEXT;

CREATE TABLE "ConsentPurposeVersion" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "purposeId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "title" JSONB NOT NULL,
    "description" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsentPurposeVersion_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "ConsentPurposeVersion_purposeId_version_key" ON "ConsentPurposeVersion"("purposeId", "version");
CREATE INDEX "ConsentPurposeVersion_tenantId_idx" ON "ConsentPurposeVersion"("tenantId");

ALTER TABLE "ConsentPurposeVersion" ADD CONSTRAINT "ConsentPurposeVersion_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ConsentPurposeVersion" ADD CONSTRAINT "ConsentPurposeVersion_purposeId_fkey" FOREIGN KEY ("purposeId") REFERENCES "ConsentPurpose"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A wording once shown is never changed; removing it goes only with its purpose or tenant.
CREATE TRIGGER "ConsentPurposeVersion_immutable" BEFORE UPDATE ON "ConsentPurposeVersion"
  FOR EACH ROW EXECUTE FUNCTION inzage_refuse_change();

ALTER TABLE "ConsentEvent" ADD COLUMN "purposeVersionId" TEXT,
  ADD COLUMN "purposeVersion" INTEGER,
  ADD COLUMN "proofReference" TEXT,
  ADD COLUMN "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- Each existing purpose's present wording becomes its version 1.
INSERT INTO "ConsentPurposeVersion" ("id", "tenantId", "purposeId", "version", "title", "description", "createdAt")
SELECT 'cpv_' || p."id", p."tenantId", p."id", 1, p."title", p."description", p."createdAt" FROM "ConsentPurpose" p;

-- Existing events name version 1 only where the wording they recorded is exactly that
-- version's (title and description in the event's language); any other event was given
-- to a wording no longer known, and its consent is asked again. recordedAt of an old
-- event is the time it was given. The append-only trigger is off for this one statement.
ALTER TABLE "ConsentEvent" DISABLE TRIGGER "ConsentEvent_append_only";
UPDATE "ConsentEvent" e
SET "purposeVersionId" = v."id", "purposeVersion" = 1
FROM "ConsentPurpose" p
JOIN "ConsentPurposeVersion" v ON v."purposeId" = p."id" AND v."version" = 1
WHERE p."tenantId" = e."tenantId" AND p."key" = e."purposeKey"
  AND e."wording" = concat_ws(E'\n\n', NULLIF(p."title" ->> e."locale", ''), NULLIF(p."description" ->> e."locale", ''));
UPDATE "ConsentEvent" SET "recordedAt" = "at";
ALTER TABLE "ConsentEvent" ENABLE TRIGGER "ConsentEvent_append_only";

-- Tenant isolation, as in migration 20261122060000_row_level_security.
ALTER TABLE "ConsentPurposeVersion" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ConsentPurposeVersion" FORCE ROW LEVEL SECURITY;
CREATE POLICY "ConsentPurposeVersion_isolation" ON "ConsentPurposeVersion"
  USING ("tenantId" = current_setting('inzage.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('inzage.tenant_id', true));

GRANT SELECT, INSERT, UPDATE, DELETE ON "ConsentPurposeVersion" TO inzage_app, inzage_platform;
