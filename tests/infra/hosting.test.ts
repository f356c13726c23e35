import { describe, expect, it } from 'vitest';
import type { CfnBucket } from 'aws-cdk-lib/aws-s3';
import type { CfnDistribution } from 'aws-cdk-lib/aws-cloudfront';
import { DEFAULT_ALLOWED_ORIGINS, InfraConfigError } from '../../infra/lib/config';
import { GALLERY_IDS } from '../../infra/lib/contract';
import { onlyResource, render, synthesize } from './support/synth';

// One synthesis per configuration, shared by the tests below.
const hosted = synthesize({ hosting: 'true' });
const plain = synthesize({ hosting: false });

const SITE_ORIGIN = '<HostingDistributionC6A6E351.DomainName>';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('hosting (-c hosting=true)', () => {
  const { stack, template } = hosted;
  const distributionId = stack.getLogicalId(stack.hosting?.distribution.node.defaultChild as CfnDistribution);
  const siteBucketId = stack.getLogicalId(stack.hosting?.bucket.node.defaultChild as CfnBucket);
  const config = onlyResource(template, 'AWS::CloudFront::Distribution').properties.DistributionConfig as Record<string, unknown>;

  it('serves a private bucket through CloudFront with origin access control', () => {
    expect(distributionId).toBe('HostingDistributionC6A6E351');
    const siteBucket = template.toJSON().Resources[siteBucketId].Properties as Record<string, unknown>;
    expect(siteBucket.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(siteBucket.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] });
    // Not an S3 website endpoint (those are public and HTTP only): CloudFront reads it through the REST API.
    expect(siteBucket.WebsiteConfiguration).toBeUndefined();
    const origins = config.Origins as Record<string, unknown>[];
    expect(origins).toHaveLength(1);
    expect(origins[0]?.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^HostingOriginAccessControl/), 'Id'] });
    expect(origins[0]?.S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' },
    });
  });

  it('lets only this distribution read the site bucket', () => {
    const policy = onlyResource(template, 'AWS::S3::BucketPolicy', { Bucket: { Ref: siteBucketId } }).properties.PolicyDocument as {
      Statement: Record<string, unknown>[];
    };
    const allows = policy.Statement.filter((s) => s.Effect === 'Allow');
    expect(allows).toHaveLength(1);
    expect(allows[0]?.Principal).toEqual({ Service: 'cloudfront.amazonaws.com' });
    expect(allows[0]?.Action).toBe('s3:GetObject');
    expect(render((allows[0]?.Condition as { StringEquals: Record<string, unknown> }).StringEquals['AWS:SourceArn'])).toBe(
      `arn:<AWS::Partition>:cloudfront::123456789012:distribution/<${distributionId}>`,
    );
  });

  it('redirects HTTP to HTTPS and answers unknown paths with index.html', () => {
    expect(config.DefaultRootObject).toBe('index.html');
    expect((config.DefaultCacheBehavior as Record<string, unknown>).ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(config.CustomErrorResponses).toEqual([
      { ErrorCode: 403, ResponseCode: 200, ResponsePagePath: '/index.html', ErrorCachingMinTTL: 10 },
      { ErrorCode: 404, ResponseCode: 200, ResponsePagePath: '/index.html', ErrorCachingMinTTL: 10 },
    ]);
  });

  const headers = onlyResource(template, 'AWS::CloudFront::ResponseHeadersPolicy').properties.ResponseHeadersPolicyConfig as {
    SecurityHeadersConfig: Record<string, Record<string, unknown>>;
  };

  it('sends a strict CSP naming exactly the Cognito and S3 endpoints of this stack', () => {
    const csp = directives(render(headers.SecurityHeadersConfig.ContentSecurityPolicy?.ContentSecurityPolicy));
    const s3 = GALLERY_IDS.map((g) => `https://cognitogallerystack-${g}-123456789012-ap-northeast-1.s3.ap-northeast-1.amazonaws.com`);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual([
      "'self'",
      'https://cognito-idp.ap-northeast-1.amazonaws.com',
      'https://cognito-identity.ap-northeast-1.amazonaws.com',
      ...s3,
    ]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:', ...s3]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(headers.SecurityHeadersConfig.ContentSecurityPolicy?.Override).toBe(true);
  });

  it('adds HSTS, nosniff, frame denial and a referrer policy', () => {
    expect(headers.SecurityHeadersConfig.StrictTransportSecurity).toEqual({
      AccessControlMaxAgeSec: 730 * 24 * 3600,
      IncludeSubdomains: true,
      Preload: false,
      Override: true,
    });
    expect(headers.SecurityHeadersConfig.ContentTypeOptions).toEqual({ Override: true });
    expect(headers.SecurityHeadersConfig.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
    expect(headers.SecurityHeadersConfig.ReferrerPolicy).toEqual({ ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true });
    expect((config.DefaultCacheBehavior as Record<string, unknown>).ResponseHeadersPolicyId).toEqual({
      Ref: expect.stringMatching(/^HostingSecurityHeaders/),
    });
  });

  it("adds the site's origin to the gallery buckets' CORS rules", () => {
    for (const gallery of GALLERY_IDS) {
      const bucket = stack.getLogicalId(stack.galleries[gallery].bucket.node.defaultChild as CfnBucket);
      const cors = (template.toJSON().Resources[bucket].Properties.CorsConfiguration as { CorsRules: { AllowedOrigins: unknown[] }[] })
        .CorsRules[0];
      expect(cors?.AllowedOrigins.map(render)).toEqual([...DEFAULT_ALLOWED_ORIGINS, `https://${SITE_ORIGIN}`]);
    }
  });

  it('outputs the site URL, its bucket and distribution', () => {
    template.hasOutput('SiteUrl', {});
    expect(render(template.findOutputs('SiteUrl').SiteUrl?.Value)).toBe(`https://${SITE_ORIGIN}`);
    template.hasOutput('SiteBucketName', { Value: { Ref: siteBucketId } });
    template.hasOutput('DistributionId', { Value: { Ref: distributionId } });
  });
});

describe('hosting off (default)', () => {
  it('creates no CloudFront resources, no site bucket and no site outputs', () => {
    for (const type of ['AWS::CloudFront::Distribution', 'AWS::CloudFront::ResponseHeadersPolicy', 'AWS::CloudFront::OriginAccessControl']) {
      plain.template.resourceCountIs(type, 0);
    }
    plain.template.resourceCountIs('AWS::S3::Bucket', 2);
    expect(Object.keys(plain.template.findOutputs('*'))).not.toEqual(expect.arrayContaining(['SiteUrl']));
    expect(plain.template.findOutputs('SiteUrl')).toEqual({});
  });

  it('refuses hosting together with access points, naming the cycle', () => {
    expect(() => synthesize({ hosting: true, accessPoints: true })).toThrow(InfraConfigError);
    expect(() => synthesize({ hosting: true, accessPoints: true })).toThrow(/cannot be combined with hosting/);
  });
});
