import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface SiteHostingProps {
  /** The full Content-Security-Policy header value (see contentSecurityPolicy.ts). */
  contentSecurityPolicy: string;
}

/**
 * Hosting for the built SPA: a private bucket that only this CloudFront distribution can read (origin
 * access control), HTTPS only, every unknown path answered with index.html so client-side routes load,
 * and security headers on every response.
 */
export class SiteHosting extends Construct {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  readonly responseHeadersPolicy: cloudfront.ResponseHeadersPolicy;

  constructor(scope: Construct, id: string, props: SiteHostingProps) {
    super(scope, id);
    const stack = Stack.of(this);

    this.bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(this.bucket.node.defaultChild as s3.CfnBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'Only CloudFront reads this bucket (origin access control); it holds the public build of the app, nothing to audit per object.',
    });

    // CloudFront policies are account-wide (not regional): the region in the name keeps two deployments apart.
    this.responseHeadersPolicy = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      responseHeadersPolicyName: `${stack.stackName}-SecurityHeaders-${stack.region}`,
      comment: 'Strict CSP naming the Cognito and S3 endpoints the app calls, HSTS and friends',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: props.contentSecurityPolicy, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, preload: false, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
      },
      customHeadersBehavior: {
        customHeaders: [
          { header: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()', override: true },
          { header: 'Cross-Origin-Opener-Policy', value: 'same-origin', override: true },
        ],
      },
    });

    const originAccessControl = new cloudfront.S3OriginAccessControl(this, 'OriginAccessControl', {
      originAccessControlName: `${stack.stackName}-Site-${stack.region}`,
      signing: cloudfront.Signing.SIGV4_ALWAYS,
    });

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `${stack.stackName} gallery app`,
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket, { originAccessControl }),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.responseHeadersPolicy,
        compress: true,
      },
      // SPA fallback: S3 answers 403 for a missing key when the caller may not list the bucket, 404 otherwise.
      errorResponses: [403, 404].map((httpStatus) => ({
        httpStatus,
        responseHttpStatus: 200,
        responsePagePath: '/index.html',
        ttl: Duration.seconds(10),
      })),
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
    });
    const acknowledge = (ruleId: string, reason: string): void => Validations.of(this.distribution.node.defaultChild as cloudfront.CfnDistribution).acknowledge({ id: ruleId, reason });
    acknowledge('AwsSolutions-CFR1', 'The gallery is not restricted by country; sign-in is the access control.');
    acknowledge('AwsSolutions-CFR2', 'AWS WAF costs a monthly fee per web ACL even with no traffic; the site serves static files and every data request is signed and authorised by IAM.');
    acknowledge('AwsSolutions-CFR3', 'Standard logging needs an ACL-enabled log bucket, which conflicts with BucketOwnerEnforced; the site serves only static files.');
    acknowledge(
      'AwsSolutions-CFR4',
      'The distribution uses the default *.cloudfront.net certificate, for which CloudFront fixes the minimum protocol; attach a custom domain with an ACM certificate to require TLSv1.2_2021.',
    );
  }

  get siteUrl(): string {
    return `https://${this.distribution.distributionDomainName}`;
  }
}
