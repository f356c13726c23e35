/** One gallery: a display id/label and the bucket (name or S3 access point alias) it lists. */
export interface GalleryConfig {
  /** Stable id from VITE_GALLERIES (`cat`, `dog` …): used in test ids, logs and the i18n label key. */
  id: string;
  /** Bucket name or access point alias. */
  bucket: string;
  region: string;
}
