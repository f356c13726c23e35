import { describe, expect, it } from 'vitest';
import type { DeployedStack } from '../../../scripts/aws/lib/deployedStack';
import { productionEnv, renderEnvFile } from '../../../scripts/aws/lib/envFile';

function buildStack(overrides: Partial<DeployedStack> = {}): DeployedStack {
  return {
    stackName: 'CognitoGalleryStack',
    region: 'ap-northeast-1',
    userPoolId: 'ap-northeast-1_AbCdEf123',
    userPoolClientId: '1example23456789abcdefghij',
    identityPoolId: 'ap-northeast-1:0f1e2d3c-4b5a-4968-8776-655443322110',
    galleries: {
      cat: { bucketName: 'cognitogallerystack-cat-123456789012-ap-northeast-1' },
      dog: { bucketName: 'cognitogallerystack-dog-123456789012-ap-northeast-1' },
    },
    ...overrides,
  };
}

describe('productionEnv / renderEnvFile', () => {
  it('writes the five VITE_* settings from the outputs', () => {
    const stack = buildStack();
    expect(renderEnvFile(stack, productionEnv(stack, { useAccessPointAliases: true }))).toBe(
      [
        '# Written by `npm run aws:write-env` from stack CognitoGalleryStack (ap-northeast-1).',
        '# Run it again after every deploy instead of editing by hand. Nothing here is secret.',
        'VITE_AWS_REGION=ap-northeast-1',
        'VITE_USER_POOL_ID=ap-northeast-1_AbCdEf123',
        'VITE_USER_POOL_CLIENT_ID=1example23456789abcdefghij',
        'VITE_IDENTITY_POOL_ID=ap-northeast-1:0f1e2d3c-4b5a-4968-8776-655443322110',
        'VITE_GALLERIES=cat=cognitogallerystack-cat-123456789012-ap-northeast-1,dog=cognitogallerystack-dog-123456789012-ap-northeast-1',
        '',
      ].join('\n'),
    );
  });

  it('uses the access point aliases when the stack has them, unless bucket names are asked for', () => {
    const stack = buildStack({
      galleries: {
        cat: { bucketName: 'cat-bucket', accessPointAlias: 'cognitogallerystack-cat-abcdefghijklmnopqrstuvwxyz0123-s3alias' },
        dog: { bucketName: 'dog-bucket', accessPointAlias: 'cognitogallerystack-dog-0123abcdefghijklmnopqrstuvwxyz-s3alias' },
      },
    });
    const galleries = (useAccessPointAliases: boolean) =>
      new Map(productionEnv(stack, { useAccessPointAliases })).get('VITE_GALLERIES');
    expect(galleries(true)).toBe(
      'cat=cognitogallerystack-cat-abcdefghijklmnopqrstuvwxyz0123-s3alias,dog=cognitogallerystack-dog-0123abcdefghijklmnopqrstuvwxyz-s3alias',
    );
    expect(galleries(false)).toBe('cat=cat-bucket,dog=dog-bucket');
  });

  it.each(['has space', 'line\nbreak', 'quote"', '#comment', ''])('refuses to write an output value like %j', (value) => {
    const stack = buildStack({ userPoolId: value });
    expect(() => renderEnvFile(stack, productionEnv(stack, { useAccessPointAliases: true }))).toThrow(/VITE_USER_POOL_ID/);
  });
});
