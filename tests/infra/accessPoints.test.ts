import { describe, expect, it } from 'vitest';
import type { CfnBucket } from 'aws-cdk-lib/aws-s3';
import { GALLERY_IDS } from '../../infra/lib/contract';
import { synthesize } from './support/synth';

// One synthesis, shared by the tests below.
const { stack, template } = synthesize({ accessPoints: true });

describe('access points (-c accessPoints=true)', () => {
  it('creates one private access point per gallery bucket', () => {
    template.resourceCountIs('AWS::S3::AccessPoint', 2);
    for (const gallery of GALLERY_IDS) {
      const bucket = stack.getLogicalId(stack.galleries[gallery].bucket.node.defaultChild as CfnBucket);
      template.hasResourceProperties('AWS::S3::AccessPoint', {
        Bucket: { Ref: bucket },
        Name: `cognitogallerystack-${gallery}`,
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
      });
    }
  });

  it('outputs each alias next to the bucket name', () => {
    for (const gallery of GALLERY_IDS) {
      const accessPoint = stack.galleries[gallery].accessPoint;
      expect(accessPoint).toBeDefined();
      const id = stack.getLogicalId(accessPoint as NonNullable<typeof accessPoint>);
      const prefix = gallery === 'cat' ? 'Cat' : 'Dog';
      template.hasOutput(`${prefix}AccessPointAlias`, { Value: { 'Fn::GetAtt': [id, 'Alias'] } });
      template.hasOutput(`${prefix}BucketName`, {});
    }
  });

  it('gives the access points no resource policy of their own: the role policy names them', () => {
    for (const resource of Object.values(template.findResources('AWS::S3::AccessPoint'))) {
      expect((resource as { Properties: Record<string, unknown> }).Properties.Policy).toBeUndefined();
    }
  });
});
