import { describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import type { CfnBucket } from 'aws-cdk-lib/aws-s3';
import { GALLERY_IDS } from '../../infra/lib/contract';
import { render, synthesize, type Synthesized } from './support/synth';

// One synthesis per configuration, shared by the tests below.
const base = synthesize();
const custom = synthesize({
  allowedOrigins: 'https://gallery.example.com,http://localhost:3000',
  catBucketName: 'my-cat-photos',
  dogBucketName: 'my-dog-photos',
});

function galleryBucket({ stack, template }: Synthesized, gallery: (typeof GALLERY_IDS)[number]) {
  const logicalId = stack.getLogicalId(stack.galleries[gallery].bucket.node.defaultChild as CfnBucket);
  const resource = template.toJSON().Resources[logicalId] as { Properties: Record<string, unknown>; DeletionPolicy?: string };
  return { logicalId, properties: resource.Properties, resource };
}

describe('gallery buckets', () => {
  it('creates exactly the two gallery buckets and no access points by default', () => {
    base.template.resourceCountIs('AWS::S3::Bucket', 2);
    base.template.resourceCountIs('AWS::S3::AccessPoint', 0);
    expect(Object.keys(base.template.findOutputs('*AccessPointAlias'))).toEqual([]);
  });

  it.each(GALLERY_IDS)('%s bucket blocks all public access, has ACLs off and SSE-S3 encryption', (gallery) => {
    const { properties } = galleryBucket(base, gallery);
    expect(properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(properties.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] });
    expect(properties.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
    });
  });

  it.each(GALLERY_IDS)('%s bucket policy denies every request without TLS (and TLS below 1.2)', (gallery) => {
    const { logicalId } = galleryBucket(base, gallery);
    const bucketAndObjects = [
      { 'Fn::GetAtt': [logicalId, 'Arn'] },
      { 'Fn::Join': ['', [{ 'Fn::GetAtt': [logicalId, 'Arn'] }, '/*']] },
    ];
    base.template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logicalId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Action: 's3:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            Resource: bucketAndObjects,
          },
          {
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Action: 's3:*',
            Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } },
            Resource: bucketAndObjects,
          },
        ]),
      },
    });
  });

  it.each(GALLERY_IDS)('%s bucket CORS allows GET and HEAD from the dev origins only, exposing what the app reads', (gallery) => {
    const { properties } = galleryBucket(base, gallery);
    expect(properties.CorsConfiguration).toEqual({
      CorsRules: [
        {
          AllowedMethods: ['GET', 'HEAD'],
          AllowedOrigins: ['http://localhost:5173', 'http://127.0.0.1:5173', 'http://localhost:4173', 'http://127.0.0.1:4173'],
          AllowedHeaders: ['*'],
          ExposedHeaders: ['ETag', 'Content-Length', 'Content-Type', 'Content-Range', 'Date', 'x-amz-request-id'],
          MaxAge: 3000,
        },
      ],
    });
  });

  it('takes CORS origins from context', () => {
    for (const gallery of GALLERY_IDS) {
      const rules = (galleryBucket(custom, gallery).properties.CorsConfiguration as { CorsRules: { AllowedOrigins: string[] }[] }).CorsRules;
      expect(rules.map((rule) => rule.AllowedOrigins)).toEqual([['https://gallery.example.com', 'http://localhost:3000']]);
    }
  });

  it('derives bucket names from stack, account and region unless names are given', () => {
    expect(render(galleryBucket(base, 'cat').properties.BucketName)).toBe('cognitogallerystack-cat-123456789012-ap-northeast-1');
    expect(render(galleryBucket(base, 'dog').properties.BucketName)).toBe('cognitogallerystack-dog-123456789012-ap-northeast-1');
    expect(galleryBucket(custom, 'cat').properties.BucketName).toBe('my-cat-photos');
    expect(galleryBucket(custom, 'dog').properties.BucketName).toBe('my-dog-photos');
  });

  it('outputs each bucket name', () => {
    for (const gallery of GALLERY_IDS) {
      const { logicalId } = galleryBucket(base, gallery);
      const key = `${gallery === 'cat' ? 'Cat' : 'Dog'}BucketName`;
      base.template.hasOutput(key, { Value: { Ref: logicalId } });
    }
  });
});
