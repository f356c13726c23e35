import { describe, expect, it } from 'vitest';
import { evaluatePolicies, matchesAction, matchesResource } from '../../../local/iam/evaluatePolicy';
import { bucketArn, galleryReadPolicy, type PolicyDocument } from '../../../policy/galleryReadPolicy';

const gallery = galleryReadPolicy({
  bucketArns: [bucketArn('local-cat-photos'), bucketArn('local-dog-photos')],
});

describe('IAM policy evaluation', () => {
  it('allows exactly what the gallery policy grants', () => {
    expect(evaluatePolicies([gallery], 's3:ListBucket', 'arn:aws:s3:::local-cat-photos')).toBe('allow');
    expect(evaluatePolicies([gallery], 's3:GetObject', 'arn:aws:s3:::local-dog-photos/猫/a b+c.jpg')).toBe(
      'allow',
    );
    expect(evaluatePolicies([gallery], 's3:GetObject', 'arn:aws:s3:::local-dog-photos/line\nbreak')).toBe(
      'allow',
    );
    expect(evaluatePolicies([gallery], 's3:PutObject', 'arn:aws:s3:::local-cat-photos/x')).toBe(
      'implicit-deny',
    );
    expect(evaluatePolicies([gallery], 's3:DeleteObject', 'arn:aws:s3:::local-cat-photos/x')).toBe(
      'implicit-deny',
    );
    expect(evaluatePolicies([gallery], 's3:GetObject', 'arn:aws:s3:::other-bucket/x')).toBe('implicit-deny');
    // ListBucket is granted on the bucket, not its objects; GetObject on objects, not the bucket.
    expect(evaluatePolicies([gallery], 's3:ListBucket', 'arn:aws:s3:::local-cat-photos/x')).toBe(
      'implicit-deny',
    );
    expect(evaluatePolicies([gallery], 's3:GetObject', 'arn:aws:s3:::local-cat-photos')).toBe(
      'implicit-deny',
    );
    // A bucket whose name merely starts like a gallery bucket gets nothing.
    expect(evaluatePolicies([gallery], 's3:ListBucket', 'arn:aws:s3:::local-cat-photos-evil')).toBe(
      'implicit-deny',
    );
  });

  it('lets an explicit Deny win over any Allow', () => {
    const deny: PolicyDocument = {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'NoSecrets',
          Effect: 'Deny',
          Action: ['s3:Get*'],
          Resource: ['arn:aws:s3:::local-cat-photos/secret/*'],
        },
      ],
    };
    expect(evaluatePolicies([gallery, deny], 's3:GetObject', 'arn:aws:s3:::local-cat-photos/secret/x')).toBe(
      'explicit-deny',
    );
    expect(evaluatePolicies([gallery, deny], 's3:GetObject', 'arn:aws:s3:::local-cat-photos/public/x')).toBe(
      'allow',
    );
  });

  it('matches * and ? wildcards, actions case-insensitively and resources case-sensitively', () => {
    expect(matchesAction('s3:Get*', 's3:getobject')).toBe(true);
    expect(matchesAction('s3:*Object', 's3:PutObject')).toBe(true);
    expect(matchesAction('s3:GetObjec?', 's3:GetObject')).toBe(true);
    expect(matchesAction('s3:GetObjec?', 's3:GetObjects')).toBe(false);
    expect(matchesResource('arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a/b')).toBe(true);
    expect(matchesResource('arn:aws:s3:::bucket/*', 'arn:aws:s3:::Bucket/a')).toBe(false);
    expect(matchesResource('arn:aws:s3:::b.cket', 'arn:aws:s3:::bucket')).toBe(false);
    expect(matchesResource('arn:aws:s3:::b?cket', 'arn:aws:s3:::bucket')).toBe(true);
  });
});
