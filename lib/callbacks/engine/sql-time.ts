// Prisma keeps DateTime as timestamp(3) in UTC. The raw SQL of the delivery worker passes and
// reads times as epoch milliseconds so no driver or session time zone can shift them.

/** SQL for a parameter holding epoch ms (or NULL) as a UTC timestamp. */
export const tsParam = (param: string) =>
  `(to_timestamp(${param}::float8 / 1000) AT TIME ZONE 'UTC')`;

/** SQL reading a timestamp column as epoch ms (float8, NULL stays NULL). */
export const msOf = (column: string) => `(extract(epoch from ${column}) * 1000)::float8`;

/** A Date from an epoch-ms value read with msOf. */
export const dateOf = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));
