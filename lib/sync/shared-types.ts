// Sync vocabulary that conflict shapes also speak. Kept apart from ./types so that
// lib/conflicts/types can use it while ./types uses Conflict, without the two importing each other.

/** A group either exists in IM or is created earlier in the same plan (by unit code). */
export type GroupRef = { externalId: string } | { pendingUnitCode: string };

export type AccountField = "name" | "email" | "mobile" | "title";
