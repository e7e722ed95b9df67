-- The claim a delivery is held under (lib/webhooks/worker.ts).
ALTER TABLE "WebhookDelivery" ADD COLUMN "claimToken" TEXT;
