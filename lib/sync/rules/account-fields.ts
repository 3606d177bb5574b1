import type { AccountField } from "../types";

/** Fields OrgBridge owns on an IM account, in the order the synced hash stores them. */
export const ACCOUNT_FIELDS: readonly AccountField[] = ["name", "email", "mobile", "title"];

/** Fields the IM connector reports back, so they can drift in IM. Title is write-only on most platforms. */
export const IM_VISIBLE_FIELDS: readonly AccountField[] = ["name", "email", "mobile"];
