import { Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { galleryReadPolicy } from '../../../policy/galleryReadPolicy';

export interface GalleryIdentityPoolProps {
  userPool: cognito.IUserPool;
  client: cognito.IUserPoolClient;
  /** The gallery buckets the role may list and read. */
  buckets: s3.Bucket[];
  /** Their access points, when created. */
  accessPoints: s3.CfnAccessPoint[];
}

/**
 * The identity pool that turns a user-pool ID token into short-lived AWS credentials, and the one role
 * those credentials carry. Only authenticated identities exist; the role can list and read the gallery
 * buckets and nothing else.
 */
export class GalleryIdentityPool extends Construct {
  readonly identityPool: cognito.CfnIdentityPool;
  readonly authenticatedRole: iam.Role;

  constructor(scope: Construct, id: string, props: GalleryIdentityPoolProps) {
    super(scope, id);

    // L1 on purpose: the L2 identity pool is still in the separate alpha package, which this project does not use.
    this.identityPool = new cognito.CfnIdentityPool(this, 'IdentityPool', {
      allowUnauthenticatedIdentities: false,
      // Enhanced flow only: the role comes from the pool's attachment, never from the caller.
      allowClassicFlow: false,
      cognitoIdentityProviders: [
        {
          providerName: props.userPool.userPoolProviderName,
          clientId: props.client.userPoolClientId,
          // Ask the user pool whether the ID token was revoked (GlobalSignOut) before issuing credentials.
          serverSideTokenCheck: true,
        },
      ],
    });

    this.authenticatedRole = new iam.Role(this, 'AuthenticatedRole', {
      description: 'Identity pool authenticated identities: list and read the gallery buckets only',
      assumedBy: new iam.FederatedPrincipal(
        'cognito-identity.amazonaws.com',
        {
          // Only identities of this pool, and only authenticated ones, may assume the role.
          StringEquals: { 'cognito-identity.amazonaws.com:aud': this.identityPool.ref },
          'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
        },
        'sts:AssumeRoleWithWebIdentity',
      ),
      inlinePolicies: {
        // The same document the emulator enforces (policy/galleryReadPolicy.ts), so local and AWS agree.
        GalleryRead: iam.PolicyDocument.fromJson(
          galleryReadPolicy({
            bucketArns: props.buckets.map((bucket) => bucket.bucketArn),
            accessPointArns: props.accessPoints.map((accessPoint) => accessPoint.attrArn),
          }),
        ),
      },
    });
    this.acknowledgeObjectWildcards(props);

    new cognito.CfnIdentityPoolRoleAttachment(this, 'RoleAttachment', {
      identityPoolId: this.identityPool.ref,
      roles: { authenticated: this.authenticatedRole.roleArn },
    });
  }

  /**
   * cdk-nag reports each `…/*` object resource as a wildcard. Reading every object of a gallery is the
   * role's purpose, and the bucket or access point part of each ARN is exact, so each finding is
   * acknowledged by name (a new wildcard would still fail synthesis).
   */
  private acknowledgeObjectWildcards({ buckets, accessPoints }: GalleryIdentityPoolProps): void {
    const logicalId = (element: CfnElement): string => Stack.of(this).getLogicalId(element);
    const findings = [
      ...buckets.map((bucket) => `<${logicalId(bucket.node.defaultChild as s3.CfnBucket)}.Arn>/*`),
      ...accessPoints.map((accessPoint) => `<${logicalId(accessPoint)}.Arn>/object/*`),
    ];
    for (const finding of findings) {
      Validations.of(this.authenticatedRole).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${finding}]`,
        reason: 's3:GetObject on the objects of one gallery bucket (or its access point), named exactly: reading every image of a gallery is what the role is for.',
      });
    }
  }
}
