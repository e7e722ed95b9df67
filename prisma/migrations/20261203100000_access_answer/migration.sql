-- The answer to an access request (GDPR art. 15): "no personal data held" said plainly,
-- and the copy for a requester without a portal account behind an expiring link that
-- needs the address confirmed again (lib/export/access-answer.ts, answer-download.ts).

ALTER TABLE "DataRequest" ADD COLUMN "nothingHeld" BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE "AnswerDownload" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "attachmentId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "codeHash" TEXT,
    "codeExpiresAt" TIMESTAMP(3),
    "codeTries" INTEGER NOT NULL DEFAULT 0,
    "grantHash" TEXT,
    "grantExpiresAt" TIMESTAMP(3),
    "downloadedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnswerDownload_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "AnswerDownload_tokenHash_key" ON "AnswerDownload"("tokenHash");
CREATE UNIQUE INDEX "AnswerDownload_grantHash_key" ON "AnswerDownload"("grantHash");
CREATE INDEX "AnswerDownload_tenantId_idx" ON "AnswerDownload"("tenantId");
CREATE INDEX "AnswerDownload_attachmentId_idx" ON "AnswerDownload"("attachmentId");

ALTER TABLE "AnswerDownload" ADD CONSTRAINT "AnswerDownload_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AnswerDownload" ADD CONSTRAINT "AnswerDownload_attachmentId_fkey" FOREIGN KEY ("attachmentId") REFERENCES "RequestAttachment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Tenant isolation, as in migration 20261122060000_row_level_security.
ALTER TABLE "AnswerDownload" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "AnswerDownload" FORCE ROW LEVEL SECURITY;
CREATE POLICY "AnswerDownload_isolation" ON "AnswerDownload"
  USING ("tenantId" = current_setting('inzage.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('inzage.tenant_id', true));

GRANT SELECT, INSERT, UPDATE, DELETE ON "AnswerDownload" TO inzage_app, inzage_platform;
