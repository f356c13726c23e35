/**
 * Shows only the last 4 characters of an access key id (`ASIA…WXYZ` → `••••WXYZ`), enough to tell two sets
 * of credentials apart in the request log without displaying the whole id. The secret key and session
 * token never reach this module at all.
 */
export function maskAccessKeyId(accessKeyId: string | undefined): string {
  if (!accessKeyId) return '—';
  const visible = accessKeyId.slice(-4);
  return `••••${visible}`;
}
