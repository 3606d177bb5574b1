-- CreateEnum
CREATE TYPE "CallbackEndpointDisabledKind" AS ENUM ('MANUAL', 'GONE_410', 'AUTO_FAILING');

-- AlterTable
ALTER TABLE "CallbackEndpoint" ADD COLUMN     "disabledKind" "CallbackEndpointDisabledKind";

-- Backfill: disabled endpoints get the kind their free-text reason used to be parsed into. No reason
-- or "manual" was an admin. A reason naming 410 or gone as a word was the receiver's 410 Gone.
-- Anything else was written by the engine after continuous failure. Enabled endpoints stay NULL.
-- (lib/callbacks/disabled-kind-backfill.int.test.ts runs this statement on those cases.)
-- No semicolon in these comments: the migration runner splits the script on them.
-- backfill:begin
UPDATE "CallbackEndpoint"
   SET "disabledKind" = CASE
         WHEN lower(btrim(coalesce("disabledReason", ''))) IN ('', 'manual') THEN 'MANUAL'
         WHEN lower("disabledReason") ~ '\y(410|gone)\y' THEN 'GONE_410'
         ELSE 'AUTO_FAILING'
       END::"CallbackEndpointDisabledKind"
 WHERE NOT "enabled";
-- backfill:end
