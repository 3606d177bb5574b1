import { runProgress } from "@/lib/sync/sync-run-schemas";

type Counts = { planned: number; applied: number; failed: number; skipped: number };

/** Done (applied + failed + skipped) over planned, as an accessible progress bar. */
export function SyncProgress({ run, label, text }: { run: Counts; label: string; text: string }) {
  const value = runProgress(run);
  return (
    <div className="flex min-w-32 flex-col gap-1">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={`${value}% · ${text}`}
        className="h-2 w-full overflow-hidden rounded-full bg-muted"
      >
        <div
          className="h-full rounded-full bg-primary transition-[width]"
          style={{ width: `${value}%` }}
        />
      </div>
      <span className="text-xs tabular-nums text-muted-foreground">
        {value}% · {text}
      </span>
    </div>
  );
}
