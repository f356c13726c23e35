/** A wall-clock time, 24-hour, with seconds (`12:10:04`), as the banner and the panel show expiries. */
export function clockTime(epochMs: number): string {
  return new Intl.DateTimeFormat(undefined, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(epochMs);
}
