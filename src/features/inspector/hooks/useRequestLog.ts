import { useSyncExternalStore } from 'react';
import { requestLog, type RequestLogEntry } from '../../../lib/requestLog/requestLog';

/** The galleries' S3 calls, newest first, re-rendering on every new entry. */
export function useRequestLog(): readonly RequestLogEntry[] {
  return useSyncExternalStore(requestLog.subscribe, requestLog.getSnapshot);
}
