import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/**
 * Response headers the app reads from S3 (Amplify Storage and the session panel). `Date` is how Amplify
 * corrects its clock skew; the rest describe the object and the request id shown in the request log.
 */
export const GALLERY_EXPOSED_HEADERS = ['ETag', 'Content-Length', 'Content-Type', 'Content-Range', 'Date', 'x-amz-request-id'];

export interface GalleryBucketProps {
  /** Full bucket name (a literal, or a token built from the stack's account and region). */
  bucketName: string;
  /** Exact origins allowed to read through CORS; `*` is rejected before we get here (config.ts). */
  allowedOrigins: string[];
  /** Name of the access point to create, or undefined for none. */
  accessPointName?: string;
}

/**
 * One gallery: a private bucket that only signed requests from the identity pool's role can read, and
 * optionally an access point whose alias the app can use in place of the bucket name.
 */
export class GalleryBucket extends Construct {
  readonly bucket: s3.Bucket;
  readonly accessPoint?: s3.CfnAccessPoint;

  constructor(scope: Construct, id: string, props: GalleryBucketProps) {
    super(scope, id);

    this.bucket = new s3.Bucket(this, 'Bucket', {
      bucketName: props.bucketName,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      // ACLs off: the bucket policy and the role's identity policy are the only grants.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: s3.BucketEncryption.S3_MANAGED,
      // Bucket policy denies any request without TLS, and TLS older than 1.2.
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      cors: [
        {
          allowedMethods: [s3.HttpMethods.GET, s3.HttpMethods.HEAD],
          allowedOrigins: props.allowedOrigins,
          // Request headers are all SigV4-signed and vary with the SDK version (x-amz-user-agent,
          // amz-sdk-request …); Amplify's documentation asks for "*" here. Origins and methods are the gate.
          allowedHeaders: ['*'],
          exposedHeaders: GALLERY_EXPOSED_HEADERS,
          maxAge: 3000,
        },
      ],
      // Demo data: `cdk destroy` removes the bucket once it is empty (the README's tear-down steps empty it first).
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(this.bucket.node.defaultChild as s3.CfnBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'Server access logs would need a third bucket that grows and costs at rest; every read is already signed by an identity-pool session that CloudTrail records when data events are enabled.',
    });

    if (props.accessPointName !== undefined) {
      this.accessPoint = new s3.CfnAccessPoint(this, 'AccessPoint', {
        bucket: this.bucket.bucketName,
        name: props.accessPointName,
        publicAccessBlockConfiguration: {
          blockPublicAcls: true,
          blockPublicPolicy: true,
          ignorePublicAcls: true,
          restrictPublicBuckets: true,
        },
      });
    }
  }

  /** ARN for IAM policies (the access point's ARN, not its alias: aliases are not valid in policies). */
  get accessPointArn(): string | undefined {
    return this.accessPoint?.attrArn;
  }

  get accessPointAlias(): string | undefined {
    return this.accessPoint?.attrAlias;
  }
}
