import { describe, expect, it } from 'vitest';
import type { CfnAccessPoint, CfnBucket } from 'aws-cdk-lib/aws-s3';
import { galleryReadPolicy } from '../../policy/galleryReadPolicy';
import { onlyResource, synthesize, type Synthesized } from './support/synth';

// One synthesis per configuration, shared by the tests below.
const base = synthesize();
const withAccessPoints = synthesize({ accessPoints: 'true' });

type Statement = Record<string, unknown>;
type Document = { Version: string; Statement: Statement[] };

/** CloudFormation output writes one-element lists as scalars; compare documents with lists everywhere. */
function normalise(document: Document): Document {
  const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);
  return {
    Version: document.Version,
    Statement: document.Statement.map((s) => ({ ...s, Action: asList(s.Action), Resource: asList(s.Resource) })),
  };
}

function authenticatedRole({ template }: Synthesized) {
  return onlyResource(template, 'AWS::IAM::Role').properties as {
    AssumeRolePolicyDocument: Document;
    Policies: { PolicyName: string; PolicyDocument: Document }[];
    ManagedPolicyArns?: unknown;
  };
}

/** The shared document, computed from the stack's own buckets and resolved the way CloudFormation sees it. */
function expectedDocument({ stack }: Synthesized): Document {
  const galleries = [stack.galleries.cat, stack.galleries.dog];
  const document = galleryReadPolicy({
    bucketArns: galleries.map((g) => g.bucket.bucketArn),
    accessPointArns: galleries.flatMap((g) => (g.accessPoint ? [g.accessPoint.attrArn] : [])),
  });
  return normalise(stack.resolve(document) as Document);
}

function allowStatements(template: Synthesized['template']): Statement[] {
  const documents: Document[] = [];
  for (const resource of Object.values(template.toJSON().Resources) as { Properties?: Record<string, unknown> }[]) {
    const props = resource.Properties ?? {};
    for (const key of ['PolicyDocument', 'AssumeRolePolicyDocument']) if (props[key]) documents.push(props[key] as Document);
    // IAM roles carry inline policies as a list (a user pool's `Policies` is its password policy, not IAM).
    if (Array.isArray(props.Policies)) for (const policy of props.Policies as { PolicyDocument: Document }[]) documents.push(policy.PolicyDocument);
  }
  return documents.flatMap((d) => d.Statement).filter((s) => s.Effect === 'Allow');
}

describe('identity pool', () => {
  it('has no unauthenticated identities and uses the user pool as its only provider', () => {
    const client = onlyResource(base.template, 'AWS::Cognito::UserPoolClient').logicalId;
    const pool = onlyResource(base.template, 'AWS::Cognito::UserPool').logicalId;
    base.template.hasResourceProperties('AWS::Cognito::IdentityPool', {
      AllowUnauthenticatedIdentities: false,
      AllowClassicFlow: false,
      CognitoIdentityProviders: [{ ClientId: { Ref: client }, ProviderName: { 'Fn::GetAtt': [pool, 'ProviderName'] }, ServerSideTokenCheck: true }],
    });
  });

  it('attaches only an authenticated role', () => {
    const pool = onlyResource(base.template, 'AWS::Cognito::IdentityPool').logicalId;
    const role = onlyResource(base.template, 'AWS::IAM::Role').logicalId;
    const attachment = onlyResource(base.template, 'AWS::Cognito::IdentityPoolRoleAttachment').properties;
    expect(attachment).toEqual({ IdentityPoolId: { Ref: pool }, Roles: { authenticated: { 'Fn::GetAtt': [role, 'Arn'] } } });
    base.template.hasOutput('IdentityPoolId', { Value: { Ref: pool } });
  });

  it('lets the role be assumed only by authenticated identities of this pool', () => {
    const pool = onlyResource(base.template, 'AWS::Cognito::IdentityPool').logicalId;
    expect(authenticatedRole(base).AssumeRolePolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: 'cognito-identity.amazonaws.com' },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: { 'cognito-identity.amazonaws.com:aud': { Ref: pool } },
            'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
          },
        },
      ],
    });
  });
});

describe('authenticated role policy', () => {
  it.each([
    ['buckets only', base],
    ['buckets and access points', withAccessPoints],
  ])('is exactly the shared galleryReadPolicy document (%s)', (_name, synthesized) => {
    const role = authenticatedRole(synthesized);
    expect(role.ManagedPolicyArns).toBeUndefined();
    expect(role.Policies.map((p) => p.PolicyName)).toEqual(['GalleryRead']);
    expect(normalise(role.Policies[0]?.PolicyDocument as Document)).toEqual(expectedDocument(synthesized));
  });

  it('names the access points by ARN when they exist', () => {
    const { stack } = withAccessPoints;
    const statements = normalise(authenticatedRole(withAccessPoints).Policies[0]?.PolicyDocument as Document).Statement;
    const ids = ['cat', 'dog'] as const;
    const apIds = ids.map((g) => stack.getLogicalId(stack.galleries[g].accessPoint as CfnAccessPoint));
    const bucketIds = ids.map((g) => stack.getLogicalId(stack.galleries[g].bucket.node.defaultChild as CfnBucket));
    expect(statements.map((s) => s.Sid)).toEqual(['ListGalleryBuckets', 'ReadGalleryObjects', 'ListThroughAccessPoints', 'ReadThroughAccessPoints']);
    expect(statements[0]?.Resource).toEqual(bucketIds.map((id) => ({ 'Fn::GetAtt': [id, 'Arn'] })));
    expect(statements[2]?.Resource).toEqual(apIds.map((id) => ({ 'Fn::GetAtt': [id, 'Arn'] })));
  });

  it.each([
    ['buckets only', base],
    ['buckets and access points', withAccessPoints],
  ])('no statement anywhere in the template allows s3:* or Resource "*" (%s)', (_name, { template }) => {
    const statements = allowStatements(template);
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      const actions = [statement.Action].flat();
      const resources = statement.Resource === undefined ? [] : [statement.Resource].flat();
      expect(actions).not.toContain('s3:*');
      expect(actions).not.toContain('*');
      expect(resources).not.toContain('*');
    }
  });
});
