import { CloudFormationClient, DescribeStacksCommand, type CloudFormationClientConfig } from '@aws-sdk/client-cloudformation';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { S3Client } from '@aws-sdk/client-s3';
import type { Target } from './args';
import { deployedStackFrom, type DeployedStack } from './deployedStack';
import { knownProfiles } from './profiles';
import { ScriptError } from './scriptError';

/**
 * How the scripts reach AWS. Production passes only `env`; tests add endpoints (a local CloudFormation
 * stand-in, the emulator) and static credentials.
 */
export interface AwsAccess {
  env: Record<string, string | undefined>;
  endpoints?: Partial<Record<'cloudformation' | 'cognitoIdp' | 's3', string>>;
  credentials?: CloudFormationClientConfig['credentials'];
}

export interface Session {
  region: string;
  stack: DeployedStack;
  cognito(): CognitoIdentityProviderClient;
  s3(): S3Client;
}

/**
 * Checks profile, region and credentials in that order (each with its own message), then reads the
 * stack's outputs with DescribeStacks.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_DescribeStacks.html
 */
export async function openSession(target: Target, access: AwsAccess): Promise<Session> {
  const profile = target.profile ?? (access.env.AWS_PROFILE?.trim() || undefined);
  if (profile !== undefined && access.credentials === undefined && !(await knownProfiles(access.env)).has(profile)) {
    throw new ScriptError(
      `AWS profile "${profile}" is not in ~/.aws/config or ~/.aws/credentials: create it with \`aws configure --profile ${profile}\` (or \`aws configure sso\`), or pass another --profile.`,
    );
  }
  const shared = {
    ...(profile !== undefined ? { profile } : {}),
    ...(access.credentials !== undefined ? { credentials: access.credentials } : {}),
    maxAttempts: 2,
  };
  const cloudFormation = new CloudFormationClient({ ...shared, region: target.region, endpoint: access.endpoints?.cloudformation });
  const region = await cloudFormation.config.region();
  await cloudFormation.config.credentials();

  const answer = await cloudFormation.send(new DescribeStacksCommand({ StackName: target.stackName })).catch((error: unknown) => {
    // CloudFormation answers an unknown stack with a plain ValidationError.
    if (error instanceof Error && error.name === 'ValidationError' && /does not exist/.test(error.message)) {
      throw new ScriptError(
        `Stack ${target.stackName} is not deployed in ${region}: deploy it with \`npm run cdk -- deploy\`, or pass --stack / --region for the one you deployed.`,
      );
    }
    throw error;
  });
  const described = answer.Stacks?.[0];
  if (!described) throw new ScriptError(`Stack ${target.stackName} is not deployed in ${region}.`);
  const stack = deployedStackFrom(described, target.stackName);
  if (stack.region !== region) {
    throw new ScriptError(`Stack ${target.stackName} reports region ${stack.region} but was read from ${region}: pass --region ${stack.region}.`);
  }
  const s3Endpoint = access.endpoints?.s3;
  return {
    region,
    stack,
    cognito: () => new CognitoIdentityProviderClient({ ...shared, region, endpoint: access.endpoints?.cognitoIdp }),
    // A local endpoint serves buckets path-style; AWS itself is reached virtual-host style.
    s3: () => new S3Client({ ...shared, region, ...(s3Endpoint ? { endpoint: s3Endpoint, forcePathStyle: true } : {}) }),
  };
}
