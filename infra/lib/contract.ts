/**
 * What the deployed stack promises to the scripts in scripts/aws: its default name and the keys of its
 * outputs. Kept free of aws-cdk-lib so the scripts load it without pulling in the CDK.
 */

/** Default CloudFormation stack name; `-c stackName=…` (CDK) or `--stack` / GALLERY_STACK_NAME override it. */
export const DEFAULT_STACK_NAME = 'CognitoGalleryStack';

/** Environment variable both the CDK app and the scripts read for a non-default stack name. */
export const STACK_NAME_ENV = 'GALLERY_STACK_NAME';

/** The galleries, in display order: one private bucket each, as in the emulator (local/config.ts). */
export const GALLERY_IDS = ['cat', 'dog'] as const;
export type GalleryId = (typeof GALLERY_IDS)[number];

/** CloudFormation output keys (letters and digits only, as CloudFormation requires). */
export const OUTPUT_KEYS = {
  region: 'Region',
  userPoolId: 'UserPoolId',
  userPoolClientId: 'UserPoolClientId',
  identityPoolId: 'IdentityPoolId',
  authenticatedRoleArn: 'AuthenticatedRoleArn',
  siteUrl: 'SiteUrl',
  siteBucketName: 'SiteBucketName',
  distributionId: 'DistributionId',
} as const;

const capitalised = (id: GalleryId): string => id.charAt(0).toUpperCase() + id.slice(1);

/** `CatBucketName`, `DogBucketName`. */
export function bucketNameOutputKey(id: GalleryId): string {
  return `${capitalised(id)}BucketName`;
}

/** `CatAccessPointAlias`, `DogAccessPointAlias` (present only when access points are enabled). */
export function accessPointAliasOutputKey(id: GalleryId): string {
  return `${capitalised(id)}AccessPointAlias`;
}
