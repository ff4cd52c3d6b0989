/** A determinate progress bar (0–1) with its percentage for screen readers and tests. */
export const ProgressBar = ({ value, label, testId }: { value: number; label: string; testId?: string }) => {
  const percent = Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <div className="space-y-1" data-testid={testId}>
      <div className="flex justify-between text-xs text-slate-600">
        <span>{label}</span>
        <span>{percent}%</span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-2 overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-amber-600 transition-[width]" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
};
