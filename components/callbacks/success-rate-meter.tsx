/** A small success-rate figure: the share as a bar and in words (the words are the accessible name). */
export function SuccessRateMeter({
  succeeded,
  failed,
  label,
  emptyLabel,
}: {
  succeeded: number;
  failed: number;
  label: string;
  emptyLabel: string;
}) {
  const total = succeeded + failed;
  if (total === 0) return <span className="text-xs text-muted-foreground">{emptyLabel}</span>;
  const share = succeeded / total;
  return (
    <div className="flex min-w-32 flex-col gap-1">
      <div
        role="img"
        aria-label={label}
        className="flex h-2 w-full overflow-hidden rounded-full bg-destructive/70"
      >
        <div className="h-full bg-success" style={{ width: `${share * 100}%` }} />
      </div>
      <span aria-hidden className="text-xs tabular-nums text-muted-foreground">
        {label}
      </span>
    </div>
  );
}
