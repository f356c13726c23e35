import { describe, expect, it } from 'vitest';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import { createGalleryApp } from '../../infra/lib/createApp';
import { cdkJsonContext, synthesize, type Synthesized } from './support/synth';

// One synthesis per configuration, shared by the tests below.
const configurations: [string, Synthesized][] = [
  ['default', synthesize()],
  ['access points', synthesize({ accessPoints: true })],
  ['hosting', synthesize({ hosting: true })],
];

/** Every acknowledged rule, as cdk-nag writes it into the template (writeSuppressionsToCloudFormation). */
function suppressions({ template }: Synthesized): { resource: string; id: string; reason: string }[] {
  return Object.entries(template.toJSON().Resources as Record<string, { Metadata?: { cdk_nag?: { rules_to_suppress: { id: string; reason: string }[] } } }>)
    .flatMap(([resource, { Metadata }]) => (Metadata?.cdk_nag?.rules_to_suppress ?? []).map((rule) => ({ resource, ...rule })));
}

describe.each(configurations)('cdk-nag AWS Solutions checks (%s)', (_name, synthesized) => {
  it('reports no unacknowledged error or warning', () => {
    const report = new AwsSolutionsChecks().validateScope(synthesized.app);
    expect(report.violations.map((v) => `${v.ruleName} ${v.violatingResources.map((r) => r.constructPath).join(',')}`)).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('leaves no CDK warning or error on the stack', () => {
    const annotations = Annotations.fromStack(synthesized.stack);
    expect(annotations.findWarning('*', Match.anyValue())).toEqual([]);
    expect(annotations.findError('*', Match.anyValue())).toEqual([]);
  });

  it('gives every acknowledgement a written reason', () => {
    const rules = suppressions(synthesized);
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      expect(rule.id).toMatch(/^AwsSolutions-/);
      expect(rule.reason.length, `${rule.resource} ${rule.id}`).toBeGreaterThanOrEqual(40);
    }
  });
});

describe('acknowledged rules', () => {
  it('are exactly the reviewed ones, each on the resource it concerns', () => {
    const byConfiguration = Object.fromEntries(
      configurations.map(([name, s]) => [name, [...new Set(suppressions(s).map((r) => `${r.resource.replace(/[0-9A-F]{8}$/, '')} ${r.id}`))].sort()]),
    );
    const common = [
      'CatGalleryBucket AwsSolutions-S1',
      'DogGalleryBucket AwsSolutions-S1',
      'IdentityAuthenticatedRole AwsSolutions-IAM5[Resource::<CatGalleryBucketF8D3AD2C.Arn>/*]',
      'IdentityAuthenticatedRole AwsSolutions-IAM5[Resource::<DogGalleryBucket3CFC97C7.Arn>/*]',
      'UsersUserPool AwsSolutions-COG2',
      'UsersUserPool AwsSolutions-COG8',
    ];
    expect(byConfiguration.default).toEqual(common);
    expect(byConfiguration['access points']).toEqual(
      [
        ...common,
        'IdentityAuthenticatedRole AwsSolutions-IAM5[Resource::<CatGalleryAccessPoint37E1D2FB.Arn>/object/*]',
        'IdentityAuthenticatedRole AwsSolutions-IAM5[Resource::<DogGalleryAccessPoint75962797.Arn>/object/*]',
      ].sort(),
    );
    expect(byConfiguration.hosting).toEqual(
      [
        ...common,
        'HostingBucket AwsSolutions-S1',
        'HostingDistribution AwsSolutions-CFR1',
        'HostingDistribution AwsSolutions-CFR2',
        'HostingDistribution AwsSolutions-CFR3',
        'HostingDistribution AwsSolutions-CFR4',
      ].sort(),
    );
  });
});

describe('the checks are live', () => {
  it('fail on a wildcard grant added to the role, and stop synthesis', () => {
    const { app, stack } = createGalleryApp({ context: cdkJsonContext() }, {});
    stack.identity.authenticatedRole.addToPolicy(new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] }));
    const report = new AwsSolutionsChecks().validateScope(app);
    expect(report.violations.map((v) => v.ruleName)).toEqual(
      expect.arrayContaining(['AwsSolutions-IAM5[Action::s3:*]', 'AwsSolutions-IAM5[Resource::*]']),
    );
    expect(() => app.synth()).toThrow();
  });
});
