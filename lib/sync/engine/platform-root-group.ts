import type { ImTarget } from "@/lib/connectors";

// WeCom lists its root department (id 1, the company itself) like any other; the
// planner wants top-level groups parentless, so the engine strips it on read and
// passes it back as the parent of top-level creates and moves. DingTalk and
// Feishu connectors strip their roots already.
const ROOT_BY_PROVIDER: Record<string, string> = { wecom: "1" };

/** The platform root group id the connector exposes, if any. */
export function platformRootGroup(target: Pick<ImTarget, "provider">): string | undefined {
  return ROOT_BY_PROVIDER[target.provider];
}
