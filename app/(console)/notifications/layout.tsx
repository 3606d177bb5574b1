import type { ReactNode } from "react";
import { NotificationsTabs } from "@/components/notifications/notifications-tabs";
import { requireArea } from "@/lib/core/auth/require-area";

export default async function NotificationsLayout({ children }: { children: ReactNode }) {
  await requireArea("notifications");
  return (
    <>
      <NotificationsTabs />
      {children}
    </>
  );
}
