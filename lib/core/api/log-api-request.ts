import { db } from "@/lib/core/db";
import { apiLogColumns, type ApiLogEntry } from "./api-log-columns";

/** One row in the API request log for a call that got past authentication (or was refused by scope or IP). */
export async function logApiRequest(entry: ApiLogEntry): Promise<void> {
  try {
    await db.apiRequestLog.create({ data: apiLogColumns(entry) });
  } catch (err) {
    console.error(`[api ${entry.requestId}] could not write the request log`, err);
  }
}
