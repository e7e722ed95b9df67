-- Erasure by identity, not by text (GDPR art. 17; issue 10).

-- 1. Each webhook delivery names the person and the request its event concerns, as bare
--    ids (like ConsentEvent.subjectId: they outlive an erasure and name nobody). An
--    erasure finds the person's payloads through these ids (lib/erasure/erasure.ts),
--    never by searching payload text across the tenant.
ALTER TABLE "WebhookDelivery" ADD COLUMN "subjectId" TEXT;
ALTER TABLE "WebhookDelivery" ADD COLUMN "requestId" TEXT;
CREATE INDEX "WebhookDelivery_tenantId_subjectId_idx" ON "WebhookDelivery"("tenantId", "subjectId");
CREATE INDEX "WebhookDelivery_tenantId_requestId_idx" ON "WebhookDelivery"("tenantId", "requestId");

-- Deliveries written before: every event names its request by reference and/or its
-- person by subjectId. The owner running this migration is held to row-level security
-- too (FORCE), so the backfill lifts that for this transaction only.
ALTER TABLE "WebhookDelivery" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "DataRequest" NO FORCE ROW LEVEL SECURITY;
UPDATE "WebhookDelivery" d
SET "requestId" = r."id", "subjectId" = COALESCE(d."payload"->'data'->>'subjectId', r."subjectId")
FROM "DataRequest" r
WHERE r."tenantId" = d."tenantId" AND r."reference" = d."payload"->'data'->>'reference';
UPDATE "WebhookDelivery"
SET "subjectId" = "payload"->'data'->>'subjectId'
WHERE "subjectId" IS NULL AND jsonb_typeof("payload"->'data'->'subjectId') = 'string';
ALTER TABLE "WebhookDelivery" FORCE ROW LEVEL SECURITY;
ALTER TABLE "DataRequest" FORCE ROW LEVEL SECURITY;

-- 2. The audit trail stays append-only, with one narrow exception: once a person is
--    erased (their Subject row is gone), the IP address of an entry of their own doing
--    (actorType 'subject', actorId the erased subject) may be set to NULL, and nothing
--    else about the entry may change. Staff's and API keys' addresses are not the
--    person's and stay. Art. 17(1) and 5(1)(e): the entry proves what happened; the
--    person's address is no longer needed for that.
CREATE FUNCTION inzage_audit_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND OLD."actorType" = 'subject' AND OLD."actorId" IS NOT NULL
     AND OLD."ip" IS NOT NULL AND NEW."ip" IS NULL
     AND to_jsonb(NEW) - 'ip' = to_jsonb(OLD) - 'ip'
     AND NOT EXISTS (SELECT 1 FROM "Subject" s WHERE s."id" = OLD."actorId")
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% rows are append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER "AuditEvent_append_only" ON "AuditEvent";
CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION inzage_audit_append_only();
