-- Request deadlines are counted in the controller's time zone (GDPR art. 12(3); Regulation 1182/71 art. 3).
ALTER TABLE "Tenant" ADD COLUMN "timeZone" TEXT NOT NULL DEFAULT 'Europe/Amsterdam';
