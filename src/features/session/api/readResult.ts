import type { AuthFailure } from '../../../lib/amplify/authErrors';
import type { SessionFacts } from '../model/facts';

/** The answer of every session read: a session, none (never signed in, or tokens cleared), or a failure. */
export type ReadResult =
  | { kind: 'session'; facts: SessionFacts }
  | { kind: 'none' }
  | { kind: 'failed'; failure: AuthFailure };
