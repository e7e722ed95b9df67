-- The complaint dossier (GDPR art. 77): what the complainant adds for an authority's form,
-- and copies of the mails Inzage sent the requester about each request.

CREATE TABLE "ComplaintDetails" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "postalAddress" TEXT,
    "phone" TEXT,
    "outcome" TEXT,
    "country" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ComplaintDetails_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "ComplaintDetails_subjectId_key" ON "ComplaintDetails"("subjectId");
CREATE INDEX "ComplaintDetails_tenantId_idx" ON "ComplaintDetails"("tenantId");

ALTER TABLE "ComplaintDetails" ADD CONSTRAINT "ComplaintDetails_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ComplaintDetails" ADD CONSTRAINT "ComplaintDetails_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "Subject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "RequestMail" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RequestMail_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "RequestMail_requestId_sentAt_idx" ON "RequestMail"("requestId", "sentAt");
CREATE INDEX "RequestMail_tenantId_idx" ON "RequestMail"("tenantId");

ALTER TABLE "RequestMail" ADD CONSTRAINT "RequestMail_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RequestMail" ADD CONSTRAINT "RequestMail_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "DataRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Tenant isolation, as in migration 20261122060000_row_level_security.
ALTER TABLE "ComplaintDetails" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ComplaintDetails" FORCE ROW LEVEL SECURITY;
CREATE POLICY "ComplaintDetails_isolation" ON "ComplaintDetails"
  USING ("tenantId" = current_setting('inzage.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('inzage.tenant_id', true));

ALTER TABLE "RequestMail" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "RequestMail" FORCE ROW LEVEL SECURITY;
CREATE POLICY "RequestMail_isolation" ON "RequestMail"
  USING ("tenantId" = current_setting('inzage.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('inzage.tenant_id', true));

GRANT SELECT, INSERT, UPDATE, DELETE ON "ComplaintDetails", "RequestMail" TO inzage_app, inzage_platform;
