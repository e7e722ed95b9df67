-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "PolicyStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "SectionPlacement" AS ENUM ('INTRO', 'DATA', 'RECIPIENTS', 'RETENTION', 'COOKIES', 'RIGHTS', 'END');

-- CreateEnum
CREATE TYPE "LegalBasis" AS ENUM ('CONTRACT', 'LEGITIMATE_INTEREST', 'CONSENT', 'LEGAL_OBLIGATION', 'VITAL_INTEREST', 'PUBLIC_TASK');

-- CreateEnum
CREATE TYPE "ProvisionRequirement" AS ENUM ('STATUTORY', 'CONTRACTUAL', 'VOLUNTARY');

-- CreateEnum
CREATE TYPE "RecipientRole" AS ENUM ('PROCESSOR', 'CONTROLLER', 'JOINT_CONTROLLER', 'PUBLIC_AUTHORITY', 'OTHER');

-- CreateEnum
CREATE TYPE "TransferSafeguard" AS ENUM ('ADEQUACY_DECISION', 'DATA_PRIVACY_FRAMEWORK', 'STANDARD_CONTRACTUAL_CLAUSES', 'BINDING_CORPORATE_RULES', 'DEROGATION');

-- CreateEnum
CREATE TYPE "CookieCategory" AS ENUM ('STRICTLY_NECESSARY', 'FUNCTIONAL', 'ANALYTICS', 'MARKETING');

-- CreateEnum
CREATE TYPE "DurationUnit" AS ENUM ('SESSION', 'MINUTES', 'HOURS', 'DAYS', 'WEEKS', 'MONTHS', 'YEARS');

-- CreateTable
CREATE TABLE "Tenant" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "legalName" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "registrationNumber" TEXT,
    "contactEmail" TEXT NOT NULL,
    "phone" TEXT,
    "website" TEXT,
    "dpoName" TEXT,
    "dpoEmail" TEXT,
    "leadAuthorityId" TEXT,
    "accentColor" TEXT NOT NULL DEFAULT '#1e40af',
    "demo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Tenant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PolicyVersion" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "status" "PolicyStatus" NOT NULL DEFAULT 'DRAFT',
    "number" INTEGER,
    "publishedAt" TIMESTAMP(3),
    "changeSummary" JSONB NOT NULL DEFAULT '{"nl":"","en":""}',
    "materialChange" BOOLEAN NOT NULL DEFAULT false,
    "controller" JSONB,
    "gaps" JSONB,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PolicyVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PolicySection" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "placement" "SectionPlacement" NOT NULL,
    "title" JSONB NOT NULL,
    "body" JSONB NOT NULL,

    CONSTRAINT "PolicySection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DataCategory" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "name" JSONB NOT NULL,
    "description" JSONB NOT NULL,
    "source" JSONB NOT NULL,

    CONSTRAINT "DataCategory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Purpose" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" JSONB NOT NULL,
    "description" JSONB NOT NULL,
    "legalBasis" "LegalBasis" NOT NULL,
    "legitimateInterest" JSONB NOT NULL,
    "dataCategoryKeys" TEXT[],
    "provision" "ProvisionRequirement" NOT NULL,
    "provisionNote" JSONB NOT NULL,

    CONSTRAINT "Purpose_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Recipient" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "role" "RecipientRole" NOT NULL,
    "purpose" JSONB NOT NULL,
    "dataShared" JSONB NOT NULL,
    "country" TEXT,
    "safeguard" "TransferSafeguard",
    "policyUrl" TEXT,

    CONSTRAINT "Recipient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Cookie" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "purpose" JSONB NOT NULL,
    "category" "CookieCategory" NOT NULL,
    "lifetimeValue" INTEGER,
    "lifetimeUnit" "DurationUnit" NOT NULL,

    CONSTRAINT "Cookie_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RetentionRule" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "dataCategoryKey" TEXT NOT NULL,
    "periodValue" INTEGER,
    "periodUnit" "DurationUnit",
    "criteria" JSONB NOT NULL,

    CONSTRAINT "RetentionRule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Tenant_slug_key" ON "Tenant"("slug");

-- CreateIndex
CREATE INDEX "PolicyVersion_tenantId_status_idx" ON "PolicyVersion"("tenantId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "PolicyVersion_tenantId_number_key" ON "PolicyVersion"("tenantId", "number");

-- CreateIndex
CREATE INDEX "PolicySection_versionId_idx" ON "PolicySection"("versionId");

-- CreateIndex
CREATE UNIQUE INDEX "DataCategory_versionId_key_key" ON "DataCategory"("versionId", "key");

-- CreateIndex
CREATE INDEX "Purpose_versionId_idx" ON "Purpose"("versionId");

-- CreateIndex
CREATE INDEX "Recipient_versionId_idx" ON "Recipient"("versionId");

-- CreateIndex
CREATE INDEX "Cookie_versionId_idx" ON "Cookie"("versionId");

-- CreateIndex
CREATE INDEX "RetentionRule_versionId_idx" ON "RetentionRule"("versionId");

-- AddForeignKey
ALTER TABLE "PolicyVersion" ADD CONSTRAINT "PolicyVersion_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicySection" ADD CONSTRAINT "PolicySection_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicySection" ADD CONSTRAINT "PolicySection_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "PolicyVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataCategory" ADD CONSTRAINT "DataCategory_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataCategory" ADD CONSTRAINT "DataCategory_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "PolicyVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Purpose" ADD CONSTRAINT "Purpose_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Purpose" ADD CONSTRAINT "Purpose_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "PolicyVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recipient" ADD CONSTRAINT "Recipient_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recipient" ADD CONSTRAINT "Recipient_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "PolicyVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Cookie" ADD CONSTRAINT "Cookie_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Cookie" ADD CONSTRAINT "Cookie_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "PolicyVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RetentionRule" ADD CONSTRAINT "RetentionRule_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RetentionRule" ADD CONSTRAINT "RetentionRule_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "PolicyVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A tenant has at most one draft.
CREATE UNIQUE INDEX "PolicyVersion_one_draft_per_tenant" ON "PolicyVersion"("tenantId") WHERE "status" = 'DRAFT';

-- A published version is never changed: neither the version row nor any of its content rows.
CREATE FUNCTION inzage_refuse_published_version_change() RETURNS trigger AS $$
BEGIN
  IF OLD."status" = 'PUBLISHED' THEN
    RAISE EXCEPTION 'published statement version % cannot be changed', OLD."id" USING ERRCODE = 'check_violation';
  END IF;
  RETURN COALESCE(NEW, OLD);
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "PolicyVersion_published_is_immutable"
  BEFORE UPDATE OR DELETE ON "PolicyVersion"
  FOR EACH ROW EXECUTE FUNCTION inzage_refuse_published_version_change();

CREATE FUNCTION inzage_refuse_published_content_change() RETURNS trigger AS $$
DECLARE
  affected_version TEXT;
BEGIN
  FOREACH affected_version IN ARRAY ARRAY[
    CASE WHEN TG_OP <> 'INSERT' THEN OLD."versionId" END,
    CASE WHEN TG_OP <> 'DELETE' THEN NEW."versionId" END
  ] LOOP
    IF affected_version IS NOT NULL AND EXISTS (
      SELECT 1 FROM "PolicyVersion" WHERE "id" = affected_version AND "status" = 'PUBLISHED'
    ) THEN
      RAISE EXCEPTION 'content of published statement version % cannot be changed', affected_version USING ERRCODE = 'check_violation';
    END IF;
  END LOOP;
  RETURN COALESCE(NEW, OLD);
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "PolicySection_published_is_immutable" BEFORE INSERT OR UPDATE OR DELETE ON "PolicySection"
  FOR EACH ROW EXECUTE FUNCTION inzage_refuse_published_content_change();
CREATE TRIGGER "DataCategory_published_is_immutable" BEFORE INSERT OR UPDATE OR DELETE ON "DataCategory"
  FOR EACH ROW EXECUTE FUNCTION inzage_refuse_published_content_change();
CREATE TRIGGER "Purpose_published_is_immutable" BEFORE INSERT OR UPDATE OR DELETE ON "Purpose"
  FOR EACH ROW EXECUTE FUNCTION inzage_refuse_published_content_change();
CREATE TRIGGER "Recipient_published_is_immutable" BEFORE INSERT OR UPDATE OR DELETE ON "Recipient"
  FOR EACH ROW EXECUTE FUNCTION inzage_refuse_published_content_change();
CREATE TRIGGER "Cookie_published_is_immutable" BEFORE INSERT OR UPDATE OR DELETE ON "Cookie"
  FOR EACH ROW EXECUTE FUNCTION inzage_refuse_published_content_change();
CREATE TRIGGER "RetentionRule_published_is_immutable" BEFORE INSERT OR UPDATE OR DELETE ON "RetentionRule"
  FOR EACH ROW EXECUTE FUNCTION inzage_refuse_published_content_change();
