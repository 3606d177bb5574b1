"use client";
import { TriangleAlert } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";

/** The bar itself; hidden on the callbacks pages, which show their own, more detailed banner. */
export function CallbackAlertBar({
  title,
  names,
  review,
}: {
  title: string;
  names: string[];
  review: string;
}) {
  const path = usePathname();
  if (path.startsWith("/callbacks")) return null;
  return (
    <div
      role="alert"
      className="mb-4 flex flex-wrap items-center gap-2 rounded-lg border border-destructive/50 bg-destructive/10 px-4 py-2 text-sm"
    >
      <TriangleAlert aria-hidden className="size-4 shrink-0 text-destructive" />
      <span className="font-medium">{title}</span>
      <span className="text-muted-foreground">
        {names.slice(0, 3).join(", ")}
        {names.length > 3 ? "…" : ""}
      </span>
      <Link
        href="/callbacks"
        className="ml-auto font-medium text-primary underline-offset-4 hover:underline"
      >
        {review}
      </Link>
    </div>
  );
}
