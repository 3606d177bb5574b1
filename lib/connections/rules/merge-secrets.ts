/** Overlays the secrets typed into the form on the stored ones: an empty or missing entry keeps what is stored. */
export function mergeSecrets(
  stored: Record<string, unknown>,
  entered: Record<string, string | undefined>,
): Record<string, unknown> {
  const typed = Object.entries(entered).filter(([, v]) => typeof v === "string" && v !== "");
  return { ...stored, ...Object.fromEntries(typed) };
}
