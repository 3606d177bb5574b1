import { callbackDrain } from "./callback-drain";
import { conflictResolved } from "./conflict-resolved";
import { heartbeat } from "./heartbeat";
import { lifecycleDue } from "./lifecycle-due";
import { nightlyMaintenance } from "./nightly-maintenance";
import { notificationDispatch } from "./notification-dispatch";
import { ping } from "./ping";
import { hrFullSync } from "./sync-full";
import { hrIncrementalSync } from "./sync-incremental";
import { hrNightlySync } from "./sync-nightly";
import { hrTargetSync } from "./sync-target";

/** Every function the app serves; app/api/inngest/route.ts registers exactly this list. */
export const functions = [
  ping,
  heartbeat,
  nightlyMaintenance,
  hrFullSync,
  hrNightlySync,
  hrIncrementalSync,
  hrTargetSync,
  conflictResolved,
  callbackDrain,
  notificationDispatch,
  lifecycleDue,
];
