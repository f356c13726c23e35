import { describe, expect, it } from 'vitest';
import type { Output, Stack } from '@aws-sdk/client-cloudformation';
import { deployedStackFrom } from '../../../scripts/aws/lib/deployedStack';
import { ScriptError } from '../../../scripts/aws/lib/scriptError';

const BASE_OUTPUTS: Record<string, string> = {
  Region: 'ap-northeast-1',
  UserPoolId: 'ap-northeast-1_AbCdEf123',
  UserPoolClientId: 'client123',
  IdentityPoolId: 'ap-northeast-1:0f1e2d3c-4b5a-4968-8776-655443322110',
  AuthenticatedRoleArn: 'arn:aws:iam::123456789012:role/x',
  CatBucketName: 'cat-bucket',
  DogBucketName: 'dog-bucket',
};

function buildDescribed(outputs: Record<string, string>, status = 'CREATE_COMPLETE'): Stack {
  const Outputs: Output[] = Object.entries(outputs).map(([OutputKey, OutputValue]) => ({ OutputKey, OutputValue }));
  return { StackName: 'CognitoGalleryStack', StackStatus: status, CreationTime: new Date(0), Outputs } as Stack;
}

describe('deployedStackFrom', () => {
  it('maps the outputs of a stack without hosting or access points', () => {
    expect(deployedStackFrom(buildDescribed(BASE_OUTPUTS), 'CognitoGalleryStack')).toEqual({
      stackName: 'CognitoGalleryStack',
      region: 'ap-northeast-1',
      userPoolId: 'ap-northeast-1_AbCdEf123',
      userPoolClientId: 'client123',
      identityPoolId: 'ap-northeast-1:0f1e2d3c-4b5a-4968-8776-655443322110',
      galleries: { cat: { bucketName: 'cat-bucket' }, dog: { bucketName: 'dog-bucket' } },
    });
  });

  it('maps aliases and the hosted site when present', () => {
    const stack = deployedStackFrom(
      buildDescribed({
        ...BASE_OUTPUTS,
        CatAccessPointAlias: 'cat-alias-s3alias',
        DogAccessPointAlias: 'dog-alias-s3alias',
        SiteUrl: 'https://d111111abcdef8.cloudfront.net',
        SiteBucketName: 'site-bucket',
        DistributionId: 'E2EXAMPLE',
      }),
      'CognitoGalleryStack',
    );
    expect(stack.galleries.cat).toEqual({ bucketName: 'cat-bucket', accessPointAlias: 'cat-alias-s3alias' });
    expect(stack.site).toEqual({ url: 'https://d111111abcdef8.cloudfront.net', bucketName: 'site-bucket', distributionId: 'E2EXAMPLE' });
  });

  it('names the missing output and how to fix it', () => {
    const { DogBucketName: _omitted, ...rest } = BASE_OUTPUTS;
    expect(() => deployedStackFrom(buildDescribed(rest), 'Other')).toThrow(ScriptError);
    expect(() => deployedStackFrom(buildDescribed(rest), 'Other')).toThrow(/Stack Other has no output "DogBucketName"/);
  });

  it.each([
    ['CREATE_IN_PROGRESS', /wait until the deployment finishes/],
    ['UPDATE_IN_PROGRESS', /wait until the deployment finishes/],
    ['ROLLBACK_COMPLETE', /first deployment failed/],
    ['CREATE_FAILED', /first deployment failed/],
    ['DELETE_COMPLETE', /cannot be used/],
  ])('refuses a stack in status %s', (status, message) => {
    expect(() => deployedStackFrom(buildDescribed(BASE_OUTPUTS, status), 'CognitoGalleryStack')).toThrow(message);
  });

  it.each(['UPDATE_COMPLETE', 'UPDATE_ROLLBACK_COMPLETE'])('accepts a stack in status %s', (status) => {
    expect(deployedStackFrom(buildDescribed(BASE_OUTPUTS, status), 'CognitoGalleryStack').userPoolId).toBe('ap-northeast-1_AbCdEf123');
  });
});
