import type { AuthFailure } from '../../../lib/amplify/authErrors';
import type { AuthEvent } from '../api/authEvents';
import { listenAuthEvents } from '../api/authEvents';
import { peekSession, type PeekOptions } from '../api/peekSession';
import type { ReadResult } from '../api/readResult';
import { readSession, renewSession } from '../api/readSession';
import { revokeSession } from '../api/revokeSession';

/** The seam between the session hook and Amplify: everything the hook does to the outside world. */
export interface SessionApi {
  readSession(): Promise<ReadResult>;
  renewSession(): Promise<ReadResult>;
  peekSession(options?: PeekOptions): Promise<ReadResult>;
  revokeSession(): Promise<{ ok: true } | { ok: false; failure: AuthFailure }>;
  listenAuthEvents(listener: (event: AuthEvent) => void): () => void;
}

export const amplifySessionApi: SessionApi = {
  readSession: () => readSession(),
  renewSession,
  peekSession,
  revokeSession,
  listenAuthEvents,
};
