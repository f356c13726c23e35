/**
 * Decodes a JWT's header and payload for display, without verifying anything (verification is
 * `api/verifySignature.ts`). The segments are base64url JSON; claims are shown as they are.
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export type DecodedJwt =
  { ok: true; header: JsonObject; payload: JsonObject } | { ok: false; reason: string };

function decodeSegment(segment: string): JsonObject | undefined {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  const parsed: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  return isJsonObject(parsed) ? parsed : undefined;
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function decodeJwt(token: string): DecodedJwt {
  const parts = token.split('.');
  const [header, payload] = parts;
  if (parts.length !== 3 || header === undefined || payload === undefined) {
    return { ok: false, reason: 'not three dot-separated segments' };
  }
  try {
    const decodedHeader = decodeSegment(header);
    const decodedPayload = decodeSegment(payload);
    if (!decodedHeader || !decodedPayload)
      return { ok: false, reason: 'header or payload is not a JSON object' };
    return { ok: true, header: decodedHeader, payload: decodedPayload };
  } catch {
    return { ok: false, reason: 'header or payload is not base64url-encoded JSON' };
  }
}

/** A claim as display text: strings as they are, everything else as JSON. */
export function claimText(value: JsonValue | undefined): string {
  if (value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
