// Minutes and seconds for countdowns and speaking time.
export function formatDuration(ms: number): string {
  const total = Math.round(Math.abs(ms) / 1000);
  const m = Math.floor(total / 60);
  const sec = total % 60;
  return `${ms < 0 ? '−' : ''}${m}:${String(sec).padStart(2, '0')}`;
}
