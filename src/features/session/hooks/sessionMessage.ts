import type { SessionReason } from '../../../lib/session/types';

/** What tabs tell each other (besides Amplify's own cross-tab Hub events, which carry no reason). */
export type SessionMessage = { type: 'renewed' } | { type: 'signedOut'; reason: SessionReason };
