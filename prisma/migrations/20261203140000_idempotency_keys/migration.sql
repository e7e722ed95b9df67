-- Idempotency-Key on /api/v1 POST and PUT (lib/api/idempotency.ts): the first answer to
-- a tenant's key, replayed for the same key and body for 24 hours.

CREATE TABLE "ApiIdempotentAnswer" (
    "tenantId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "status" INTEGER,
    "body" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiIdempotentAnswer_pkey" PRIMARY KEY ("tenantId","key")
);

CREATE INDEX "ApiIdempotentAnswer_createdAt_idx" ON "ApiIdempotentAnswer"("createdAt");

ALTER TABLE "ApiIdempotentAnswer" ADD CONSTRAINT "ApiIdempotentAnswer_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Tenant isolation, as in migration 20261122060000_row_level_security.
ALTER TABLE "ApiIdempotentAnswer" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ApiIdempotentAnswer" FORCE ROW LEVEL SECURITY;
CREATE POLICY "ApiIdempotentAnswer_isolation" ON "ApiIdempotentAnswer"
  USING ("tenantId" = current_setting('inzage.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('inzage.tenant_id', true));

GRANT SELECT, INSERT, UPDATE, DELETE ON "ApiIdempotentAnswer" TO inzage_app, inzage_platform;
