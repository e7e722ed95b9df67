-- Handling requests: erasure scheduling on the request, and what the staff inbox needs
-- to page through 100,000 requests of one tenant quickly (scripts/bench/inbox.ts):
-- keyset pages per status in deadline order, and the dashboard's weekly counts and
-- completions without reading every request of the tenant.

-- AlterTable
ALTER TABLE "DataRequest" ADD COLUMN     "erasedAt" TIMESTAMP(3),
ADD COLUMN     "erasureApprovedAt" TIMESTAMP(3),
ADD COLUMN     "erasureApprovedById" TEXT,
ADD COLUMN     "erasureCancelledAt" TIMESTAMP(3),
ADD COLUMN     "erasureDueAt" TIMESTAMP(3);

-- The deadline that counts (extendedDueAt ?? dueAt), kept by the database so that the
-- inbox can sort on it, page on it (keyset on effectiveDueAt, id) and index it. A request
-- never received has no deadline: it sorts as if received when it was made. prisma
-- migrate diff writes this as a column with a DEFAULT; it is a generated column instead.
ALTER TABLE "DataRequest" ADD COLUMN "effectiveDueAt" TIMESTAMP(3) NOT NULL
  GENERATED ALWAYS AS (COALESCE("extendedDueAt", "dueAt", ("createdAt" + '1 mon'::interval))) STORED;

-- The status as a number in the enum's order. Row-level security lets only leakproof
-- comparisons reach an index (the policy's condition must come first), and equality of
-- enums is not leakproof while that of smallints is. A new status needs this updated.
ALTER TABLE "DataRequest" ADD COLUMN "statusCode" SMALLINT NOT NULL
  GENERATED ALWAYS AS (CASE "status" WHEN 'AWAITING_CONFIRMATION' THEN 0 WHEN 'RECEIVED' THEN 1 WHEN 'IDENTITY_CONFIRMED' THEN 2
    WHEN 'IN_PROGRESS' THEN 3 WHEN 'WAITING_FOR_REQUESTER' THEN 4 WHEN 'EXTENDED' THEN 5 WHEN 'COMPLETED' THEN 6
    WHEN 'REJECTED' THEN 7 WHEN 'WITHDRAWN' THEN 8 END) STORED;

-- CreateIndex
CREATE INDEX "DataRequest_tenantId_statusCode_effectiveDueAt_id_idx" ON "DataRequest"("tenantId", "statusCode", "effectiveDueAt", "id");

-- CreateIndex
CREATE INDEX "DataRequest_tenantId_receivedAt_idx" ON "DataRequest"("tenantId", "receivedAt");

-- CreateIndex
CREATE INDEX "DataRequest_tenantId_closedAt_idx" ON "DataRequest"("tenantId", "closedAt");

-- CreateIndex
CREATE INDEX "DataRequest_erasureDueAt_idx" ON "DataRequest"("erasureDueAt");
