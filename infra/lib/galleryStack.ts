import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { InfraConfig } from './config';
import { GALLERY_IDS, OUTPUT_KEYS, accessPointAliasOutputKey, bucketNameOutputKey, type GalleryId } from './contract';
import { contentSecurityPolicy } from './contentSecurityPolicy';
import { GalleryBucket } from './constructs/galleryBucket';
import { GalleryIdentityPool } from './constructs/galleryIdentityPool';
import { SiteHosting } from './constructs/siteHosting';
import { UserDirectory } from './constructs/userDirectory';
import { accessPointName, generatedBucketName } from './resourceNames';

export interface GalleryStackProps extends StackProps {
  config: InfraConfig;
}

/**
 * Everything the seed article clicked together in the console, least-privilege: one private bucket per
 * gallery, a user pool and app client, an identity pool whose only role can read those buckets, and
 * optionally CloudFront hosting for the built app. Its outputs are what scripts/aws/writeEnv.ts turns into
 * the app's settings.
 */
export class GalleryStack extends Stack {
  readonly galleries: Record<GalleryId, GalleryBucket>;
  readonly users: UserDirectory;
  readonly identity: GalleryIdentityPool;
  readonly hosting?: SiteHosting;

  constructor(scope: Construct, id: string, props: GalleryStackProps) {
    super(scope, id, props);
    const { config } = props;

    const bucketNames = Object.fromEntries(
      GALLERY_IDS.map((gallery) => [
        gallery,
        config.bucketNames[gallery] ?? generatedBucketName(this.stackName, gallery, this.account, this.region),
      ]),
    ) as Record<GalleryId, string>;

    // Hosting first: its origin joins the buckets' CORS rules, and its CSP names the buckets (by name).
    if (config.hosting) {
      this.hosting = new SiteHosting(this, 'Hosting', {
        contentSecurityPolicy: contentSecurityPolicy({
          region: this.region,
          urlSuffix: this.urlSuffix,
          bucketNames: GALLERY_IDS.map((gallery) => bucketNames[gallery]),
        }),
      });
    }
    const allowedOrigins = this.hosting ? [...config.allowedOrigins, this.hosting.siteUrl] : config.allowedOrigins;

    this.galleries = Object.fromEntries(
      GALLERY_IDS.map((gallery) => [
        gallery,
        new GalleryBucket(this, `${gallery.charAt(0).toUpperCase()}${gallery.slice(1)}Gallery`, {
          bucketName: bucketNames[gallery],
          allowedOrigins,
          accessPointName: config.accessPoints ? accessPointName(this.stackName, gallery) : undefined,
        }),
      ]),
    ) as Record<GalleryId, GalleryBucket>;

    this.users = new UserDirectory(this, 'Users', {
      idTokenValidityMinutes: config.idTokenValidityMinutes,
      accessTokenValidityMinutes: config.accessTokenValidityMinutes,
      refreshTokenValidityDays: config.refreshTokenValidityDays,
    });

    const galleries = GALLERY_IDS.map((gallery) => this.galleries[gallery]);
    this.identity = new GalleryIdentityPool(this, 'Identity', {
      userPool: this.users.userPool,
      client: this.users.client,
      buckets: galleries.map((g) => g.bucket),
      accessPoints: galleries.flatMap((g) => (g.accessPoint === undefined ? [] : [g.accessPoint])),
    });

    this.addOutputs();
  }

  private addOutputs(): void {
    const output = (key: string, value: string, description: string): void => {
      new CfnOutput(this, key, { key, value, description });
    };
    output(OUTPUT_KEYS.region, this.region, 'Region of every resource (VITE_AWS_REGION)');
    output(OUTPUT_KEYS.userPoolId, this.users.userPool.userPoolId, 'Cognito user pool id (VITE_USER_POOL_ID)');
    output(OUTPUT_KEYS.userPoolClientId, this.users.client.userPoolClientId, 'App client id, public, no secret (VITE_USER_POOL_CLIENT_ID)');
    output(OUTPUT_KEYS.identityPoolId, this.identity.identityPool.ref, 'Cognito identity pool id (VITE_IDENTITY_POOL_ID)');
    output(OUTPUT_KEYS.authenticatedRoleArn, this.identity.authenticatedRole.roleArn, 'Role behind every signed-in session');
    for (const gallery of GALLERY_IDS) {
      const { bucket, accessPointAlias } = this.galleries[gallery];
      output(bucketNameOutputKey(gallery), bucket.bucketName, `Bucket of the ${gallery} gallery`);
      if (accessPointAlias !== undefined) {
        output(accessPointAliasOutputKey(gallery), accessPointAlias, `Access point alias the app can use for the ${gallery} gallery`);
      }
    }
    if (this.hosting) {
      output(OUTPUT_KEYS.siteUrl, this.hosting.siteUrl, 'Where the hosted app is served');
      output(OUTPUT_KEYS.siteBucketName, this.hosting.bucket.bucketName, 'Bucket that holds the built app (npm run aws:publish-site)');
      output(OUTPUT_KEYS.distributionId, this.hosting.distribution.distributionId, 'CloudFront distribution of the app');
    }
  }
}
