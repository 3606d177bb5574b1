/** "Name (CODE)" when the mirror knows the unit, else the code; "—" for none. */
export function unitLabel(code: string | null | undefined, name: string | null | undefined) {
  if (!code) return "—";
  return name ? `${name} (${code})` : code;
}
