import type { GalleryId } from './contract';

/**
 * Names this stack chooses itself rather than letting CloudFormation generate them.
 *
 * Gallery bucket names are derived from the stack name, account and region (pseudo-parameters, not
 * resource attributes) because the hosted site's CSP must name each bucket's endpoint while the buckets'
 * CORS rules name the site: with CloudFormation-generated names that would be a dependency cycle.
 */

/** Lower-case letters, digits and single hyphens, at most `max` characters, no hyphen at either end. */
export function nameSlug(value: string, max: number): string {
  const slug = value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
  if (slug === '') throw new Error(`"${value}" has no letters or digits to build a resource name from`);
  return slug;
}

// 63 (S3 limit) − 12 (account) − 16 (longest region name, with room) − "-cat--" (6) − 1 spare.
const STACK_SLUG_MAX = 28;

/** `{stack}-{gallery}-{account}-{region}`, e.g. `cognitogallerystack-cat-123456789012-ap-northeast-1`. */
export function generatedBucketName(stackName: string, gallery: GalleryId, account: string, region: string): string {
  return `${nameSlug(stackName, STACK_SLUG_MAX)}-${gallery}-${account}-${region}`;
}

/** Access point names are unique per account and region: 3–50 characters. */
export function accessPointName(stackName: string, gallery: GalleryId): string {
  return `${nameSlug(stackName, 40)}-${gallery}`;
}
