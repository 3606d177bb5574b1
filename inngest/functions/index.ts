import { nightlyMaintenance } from "./nightly-maintenance";
import { ping } from "./ping";

/** Every function the app serves; app/api/inngest/route.ts registers exactly this list. */
export const functions = [ping, nightlyMaintenance];
