"use client";
import { Archive, ArchiveRestore } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { archiveCategoryAction } from "@/app/actions/notifications";
import { Button } from "@/components/ui/button";

/** Archive (no new notifications, hidden from employees) or restore a category. */
export function ArchiveCategoryButton({ id, archived }: { id: string; archived: boolean }) {
  const t = useTranslations("notifications.categories");
  const router = useRouter();
  const [pending, start] = useTransition();
  const onClick = () => {
    if (!archived && !window.confirm(t("archiveConfirm"))) return;
    start(async () => {
      const result = await archiveCategoryAction({ id, archived: !archived });
      if (!result.ok) {
        toast.error(result.error.message);
        return;
      }
      toast.success(result.data.archived ? t("archivedToast") : t("restoredToast"));
      router.refresh();
    });
  };
  return (
    <Button type="button" variant="outline" onClick={onClick} disabled={pending}>
      {archived ? <ArchiveRestore aria-hidden /> : <Archive aria-hidden />}
      {archived ? t("restore") : t("archive")}
    </Button>
  );
}
