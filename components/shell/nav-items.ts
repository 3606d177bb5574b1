import {
  Activity,
  AlertTriangle,
  BellRing,
  Cable,
  Code2,
  Contact,
  FileClock,
  KeyRound,
  LayoutDashboard,
  MessagesSquare,
  Network,
  RefreshCw,
  ScrollText,
  UserCog,
  UserRound,
  Users,
  Webhook,
} from "lucide-react";
import type { Area } from "@/lib/core/auth/permissions";

export const NAV_SECTIONS: { key: string; items: { area: Area; icon: typeof Activity }[] }[] = [
  { key: "overview", items: [{ area: "dashboard", icon: LayoutDashboard }] },
  {
    key: "hr",
    items: [
      { area: "org", icon: Network },
      { area: "employees", icon: Contact },
      { area: "notifications", icon: BellRing },
      { area: "hrSimulator", icon: Users },
      { area: "imPreview", icon: MessagesSquare },
    ],
  },
  {
    key: "it",
    items: [
      { area: "connections", icon: Cable },
      { area: "sync", icon: RefreshCw },
      { area: "conflicts", icon: AlertTriangle },
      { area: "callbacks", icon: Webhook },
      { area: "jobs", icon: Activity },
      { area: "tokens", icon: KeyRound },
      { area: "apiLog", icon: FileClock },
      { area: "developers", icon: Code2 },
      { area: "audit", icon: ScrollText },
      { area: "users", icon: UserCog },
    ],
  },
  { key: "self", items: [{ area: "me", icon: UserRound }] },
];
