/**
 * Countdown text for an expiry: `4:05` (m:ss) under an hour, `1:02:03` above; past expiry the elapsed time
 * since, flagged as expired. Whole seconds, rounded so that a token is never shown with 0:00 left while
 * still valid.
 */
export interface Countdown {
  expired: boolean;
  /** Time left, or time since expiry when `expired`. */
  text: string;
}

export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const ss = String(seconds).padStart(2, '0');
  if (hours > 0) return `${hours}:${String(minutes).padStart(2, '0')}:${ss}`;
  return `${minutes}:${ss}`;
}

/** `expiresAt` and `now` on the same clock (the server's: the session hook applies the offset). */
export function countdown(expiresAt: number, now: number): Countdown {
  const remaining = expiresAt - now;
  if (remaining > 0) return { expired: false, text: formatDuration(Math.ceil(remaining / 1000) * 1000) };
  return { expired: true, text: formatDuration(-remaining) };
}
