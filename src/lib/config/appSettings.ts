import type { GalleryConfig } from './galleryConfig';

/** Everything the app needs to know about its AWS resources, validated (see amplify-config.ts). */
export interface AppSettings {
  region: string;
  userPoolId: string;
  userPoolClientId: string;
  identityPoolId: string;
  galleries: GalleryConfig[];
  /** `iss` of the pool's tokens: always the AWS form, also locally (the emulator issues AWS-style tokens). */
  issuer: string;
  /** Where the pool's signing keys are published (locally: on the emulator). */
  jwksUri: string;
  /** Local mode only: the emulator's base URL (`http://127.0.0.1:4566`). */
  localEndpoint?: string;
  /**
   * The app client's refresh token validity, when known: the session hook then warns before the sign-in
   * itself lapses (no renewal can extend it). Optional: without it there is no such warning.
   */
  refreshTokenValidityMs?: number;
}

/**
 * Why a setting cannot be used. `code` selects the explanation and the fix in the configuration screen's
 * vocabulary (`config.problem.<code>`, `config.fix.<code>`), so both are shown in the user's language.
 */
export type ConfigProblemCode =
  | 'missing'
  | 'region'
  | 'userPoolId'
  | 'identityPoolId'
  | 'regionMismatch'
  | 'clientId'
  | 'galleryEntry'
  | 'galleryId'
  | 'bucketName'
  | 'duplicateGallery'
  | 'noGalleries'
  | 'refreshTokenValidity'
  | 'localEndpoint'
  | 'emulatorUnreachable'
  | 'emulatorResponse';

export interface ConfigProblem {
  /** The setting at fault, as the user would write it (`VITE_GALLERIES`, or a field of `/_local/config`). */
  setting: string;
  code: ConfigProblemCode;
  /** The offending value or entry, shown as text. */
  value?: string;
}
