-- Row-level security: every tenant-owned table shows and accepts only the rows of the
-- tenant named in the transaction setting inzage.tenant_id. The app works as role
-- inzage_app (lib/db/tenant-db.ts withTenant), which cannot bypass the policies; work
-- that must cross tenants runs as inzage_platform (withPlatform), which can.

-- Roles belong to the whole server, so several databases (tests run in parallel) may
-- try to create them at once; whoever loses the race finds them there.
DO $$
BEGIN
  BEGIN
    CREATE ROLE inzage_app NOLOGIN NOBYPASSRLS;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
  END;
  BEGIN
    CREATE ROLE inzage_platform NOLOGIN BYPASSRLS;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
  END;
  BEGIN
    EXECUTE format('GRANT inzage_app, inzage_platform TO %I', current_user);
  EXCEPTION WHEN OTHERS THEN
    IF NOT pg_has_role(current_user, 'inzage_app', 'MEMBER') OR NOT pg_has_role(current_user, 'inzage_platform', 'MEMBER') THEN
      RAISE;
    END IF;
  END;
END
$$;
GRANT USAGE ON SCHEMA public TO inzage_app, inzage_platform;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO inzage_app, inzage_platform;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO inzage_app, inzage_platform;
REVOKE ALL ON "_prisma_migrations" FROM inzage_app, inzage_platform;

ALTER TABLE "Tenant" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Tenant" FORCE ROW LEVEL SECURITY;
CREATE POLICY "Tenant_isolation" ON "Tenant"
  USING ("id" = current_setting('inzage.tenant_id', true))
  WITH CHECK ("id" = current_setting('inzage.tenant_id', true));

ALTER TABLE "ApiKey" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ApiKey" FORCE ROW LEVEL SECURITY;
CREATE POLICY "ApiKey_isolation" ON "ApiKey"
  USING ("tenantId" = current_setting('inzage.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('inzage.tenant_id', true));

ALTER TABLE "AuditEvent" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "AuditEvent" FORCE ROW LEVEL SECURITY;
CREATE POLICY "AuditEvent_isolation" ON "AuditEvent"
  USING ("tenantId" = current_setting('inzage.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('inzage.tenant_id', true));

ALTER TABLE "ConsentEvent" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ConsentEvent" FORCE ROW LEVEL SECURITY;
CREATE POLICY "ConsentEvent_isolation" ON "ConsentEvent"
  USING ("tenantId" = current_setting('inzage.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('inzage.tenant_id', true));

ALTER TABLE "ConsentPurpose" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ConsentPurpose" FORCE ROW LEVEL SECURITY;
CREATE POLICY "ConsentPurpose_isolation" ON "ConsentPurpose"
  USING ("tenantId" = current_setting('inzage.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('inzage.tenant_id', true));

ALTER TABLE "Cookie" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Cookie" FORCE ROW LEVEL SECURITY;
CREATE POLICY "Cookie_isolation" ON "Cookie"
  USING ("tenantId" = current_setting('inzage.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('inzage.tenant_id', true));

ALTER TABLE "DataCategory" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "DataCategory" FORCE ROW LEVEL SECURITY;
CREATE POLICY "DataCategory_isolation" ON "DataCategory"
  USING ("tenantId" = current_setting('inzage.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('inzage.tenant_id', true));

ALTER TABLE "DataRequest" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "DataRequest" FORCE ROW LEVEL SECURITY;
CREATE POLICY "DataRequest_isolation" ON "DataRequest"
  USING ("tenantId" = current_setting('inzage.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('inzage.tenant_id', true));

ALTER TABLE "Invitation" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Invitation" FORCE ROW LEVEL SECURITY;
CREATE POLICY "Invitation_isolation" ON "Invitation"
  USING ("tenantId" = current_setting('inzage.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('inzage.tenant_id', true));

ALTER TABLE "Membership" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Membership" FORCE ROW LEVEL SECURITY;
CREATE POLICY "Membership_isolation" ON "Membership"
  USING ("tenantId" = current_setting('inzage.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('inzage.tenant_id', true));

ALTER TABLE "PolicySection" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "PolicySection" FORCE ROW LEVEL SECURITY;
CREATE POLICY "PolicySection_isolation" ON "PolicySection"
  USING ("tenantId" = current_setting('inzage.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('inzage.tenant_id', true));

ALTER TABLE "PolicyVersion" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "PolicyVersion" FORCE ROW LEVEL SECURITY;
CREATE POLICY "PolicyVersion_isolation" ON "PolicyVersion"
  USING ("tenantId" = current_setting('inzage.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('inzage.tenant_id', true));

ALTER TABLE "ProfileChange" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ProfileChange" FORCE ROW LEVEL SECURITY;
CREATE POLICY "ProfileChange_isolation" ON "ProfileChange"
  USING ("tenantId" = current_setting('inzage.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('inzage.tenant_id', true));

ALTER TABLE "ProfileField" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ProfileField" FORCE ROW LEVEL SECURITY;
CREATE POLICY "ProfileField_isolation" ON "ProfileField"
  USING ("tenantId" = current_setting('inzage.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('inzage.tenant_id', true));

ALTER TABLE "Purpose" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Purpose" FORCE ROW LEVEL SECURITY;
CREATE POLICY "Purpose_isolation" ON "Purpose"
  USING ("tenantId" = current_setting('inzage.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('inzage.tenant_id', true));

ALTER TABLE "Recipient" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Recipient" FORCE ROW LEVEL SECURITY;
CREATE POLICY "Recipient_isolation" ON "Recipient"
  USING ("tenantId" = current_setting('inzage.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('inzage.tenant_id', true));

ALTER TABLE "RecipientNotice" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "RecipientNotice" FORCE ROW LEVEL SECURITY;
CREATE POLICY "RecipientNotice_isolation" ON "RecipientNotice"
  USING ("tenantId" = current_setting('inzage.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('inzage.tenant_id', true));

ALTER TABLE "ReminderDigest" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ReminderDigest" FORCE ROW LEVEL SECURITY;
CREATE POLICY "ReminderDigest_isolation" ON "ReminderDigest"
  USING ("tenantId" = current_setting('inzage.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('inzage.tenant_id', true));

ALTER TABLE "RequestAttachment" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "RequestAttachment" FORCE ROW LEVEL SECURITY;
CREATE POLICY "RequestAttachment_isolation" ON "RequestAttachment"
  USING ("tenantId" = current_setting('inzage.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('inzage.tenant_id', true));

ALTER TABLE "RequestEvent" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "RequestEvent" FORCE ROW LEVEL SECURITY;
CREATE POLICY "RequestEvent_isolation" ON "RequestEvent"
  USING ("tenantId" = current_setting('inzage.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('inzage.tenant_id', true));

ALTER TABLE "RetentionRule" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "RetentionRule" FORCE ROW LEVEL SECURITY;
CREATE POLICY "RetentionRule_isolation" ON "RetentionRule"
  USING ("tenantId" = current_setting('inzage.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('inzage.tenant_id', true));

ALTER TABLE "StatementSubscription" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "StatementSubscription" FORCE ROW LEVEL SECURITY;
CREATE POLICY "StatementSubscription_isolation" ON "StatementSubscription"
  USING ("tenantId" = current_setting('inzage.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('inzage.tenant_id', true));

ALTER TABLE "Subject" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Subject" FORCE ROW LEVEL SECURITY;
CREATE POLICY "Subject_isolation" ON "Subject"
  USING ("tenantId" = current_setting('inzage.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('inzage.tenant_id', true));

ALTER TABLE "SubjectRecord" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "SubjectRecord" FORCE ROW LEVEL SECURITY;
CREATE POLICY "SubjectRecord_isolation" ON "SubjectRecord"
  USING ("tenantId" = current_setting('inzage.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('inzage.tenant_id', true));

ALTER TABLE "SubjectSession" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "SubjectSession" FORCE ROW LEVEL SECURITY;
CREATE POLICY "SubjectSession_isolation" ON "SubjectSession"
  USING ("tenantId" = current_setting('inzage.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('inzage.tenant_id', true));

ALTER TABLE "SubjectSignIn" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "SubjectSignIn" FORCE ROW LEVEL SECURITY;
CREATE POLICY "SubjectSignIn_isolation" ON "SubjectSignIn"
  USING ("tenantId" = current_setting('inzage.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('inzage.tenant_id', true));

ALTER TABLE "WebhookAttempt" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "WebhookAttempt" FORCE ROW LEVEL SECURITY;
CREATE POLICY "WebhookAttempt_isolation" ON "WebhookAttempt"
  USING ("tenantId" = current_setting('inzage.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('inzage.tenant_id', true));

ALTER TABLE "WebhookDelivery" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "WebhookDelivery" FORCE ROW LEVEL SECURITY;
CREATE POLICY "WebhookDelivery_isolation" ON "WebhookDelivery"
  USING ("tenantId" = current_setting('inzage.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('inzage.tenant_id', true));

ALTER TABLE "WebhookEndpoint" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "WebhookEndpoint" FORCE ROW LEVEL SECURITY;
CREATE POLICY "WebhookEndpoint_isolation" ON "WebhookEndpoint"
  USING ("tenantId" = current_setting('inzage.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('inzage.tenant_id', true));
