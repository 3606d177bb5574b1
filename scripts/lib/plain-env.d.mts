/** Replaces process.env with a plain-object copy of itself (see plain-env.mjs). */
export function plainProcessEnv(): void;
