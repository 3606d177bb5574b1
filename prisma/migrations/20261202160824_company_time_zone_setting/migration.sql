-- One company time zone: an admin's zone saved with the sync options becomes the shared
-- `company.timeZone` setting that notifications, callbacks and sync all read.
INSERT INTO "Setting" ("key", "value", "updatedBy", "updatedAt")
SELECT 'company.timeZone', "value" -> 'timeZone', "updatedBy", CURRENT_TIMESTAMP
  FROM "Setting"
 WHERE "key" = 'sync.options' AND jsonb_typeof("value" -> 'timeZone') = 'string'
ON CONFLICT ("key") DO NOTHING;

UPDATE "Setting" SET "value" = "value" - 'timeZone' WHERE "key" = 'sync.options' AND "value" ? 'timeZone';
