-- Art. 17(3): staff may keep named categories of a person's data under a stated ground
-- and erase the rest (lib/erasure/erasure.ts).

-- 1. The decision (what is kept, on which ground, why) and what the erasure removed,
--    recorded on the request for the dossier and the request's history.
ALTER TABLE "DataRequest" ADD COLUMN "erasureKept" JSONB;
ALTER TABLE "DataRequest" ADD COLUMN "erasureErased" JSONB;

-- 2. The audit trail stays append-only with the one exception of migration
--    20261203010000: the IP address of an entry of the person's own doing may be set to
--    NULL once they are erased. When something is kept the Subject row stays (restricted,
--    art. 18(2)), so "erased" now also means: an erasure of theirs has been carried out
--    (a request linked to them with "erasedAt" set, written in the same transaction).
CREATE OR REPLACE FUNCTION inzage_audit_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND OLD."actorType" = 'subject' AND OLD."actorId" IS NOT NULL
     AND OLD."ip" IS NOT NULL AND NEW."ip" IS NULL
     AND to_jsonb(NEW) - 'ip' = to_jsonb(OLD) - 'ip'
     AND (
       NOT EXISTS (SELECT 1 FROM "Subject" s WHERE s."id" = OLD."actorId")
       OR EXISTS (SELECT 1 FROM "DataRequest" r WHERE r."subjectId" = OLD."actorId" AND r."tenantId" = OLD."tenantId" AND r."erasedAt" IS NOT NULL)
     )
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% rows are append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
