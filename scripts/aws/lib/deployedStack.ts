import type { Stack } from '@aws-sdk/client-cloudformation';
import {
  GALLERY_IDS,
  OUTPUT_KEYS,
  accessPointAliasOutputKey,
  bucketNameOutputKey,
  type GalleryId,
} from '../../../infra/lib/contract';
import { ScriptError } from './scriptError';

/** What the scripts need from the deployed stack, read from its CloudFormation outputs. */
export interface DeployedStack {
  stackName: string;
  region: string;
  userPoolId: string;
  userPoolClientId: string;
  identityPoolId: string;
  galleries: Record<GalleryId, { bucketName: string; accessPointAlias?: string }>;
  /** Present when the stack was deployed with `-c hosting=true`. */
  site?: { url: string; bucketName: string; distributionId: string };
}

// Statuses in which the outputs describe resources that exist and are stable.
const USABLE = new Set(['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'UPDATE_ROLLBACK_COMPLETE', 'IMPORT_COMPLETE', 'IMPORT_ROLLBACK_COMPLETE']);

function statusProblem(stackName: string, status: string): string | undefined {
  if (USABLE.has(status)) return undefined;
  if (status.endsWith('_IN_PROGRESS')) return `Stack ${stackName} is ${status}: wait until the deployment finishes, then run this again.`;
  if (status === 'ROLLBACK_COMPLETE' || status.endsWith('_FAILED')) {
    return `Stack ${stackName} is ${status}: its first deployment failed. See the events in the CloudFormation console, delete the stack (npx cdk destroy) and deploy again.`;
  }
  return `Stack ${stackName} is ${status} and cannot be used.`;
}

/** Validates a DescribeStacks answer and maps its outputs; every failure names the fix. */
export function deployedStackFrom(stack: Stack, stackName: string): DeployedStack {
  const problem = statusProblem(stackName, stack.StackStatus ?? 'UNKNOWN');
  if (problem) throw new ScriptError(problem);

  const outputs = new Map((stack.Outputs ?? []).map((o) => [o.OutputKey ?? '', o.OutputValue ?? '']));
  const required = (key: string): string => {
    const value = outputs.get(key);
    if (!value) {
      throw new ScriptError(
        `Stack ${stackName} has no output "${key}". Is it this project's stack? Deploy it with \`npm run cdk -- deploy\` (or pass --stack).`,
      );
    }
    return value;
  };
  const optional = (key: string): string | undefined => outputs.get(key) || undefined;

  const galleries = Object.fromEntries(
    GALLERY_IDS.map((id) => {
      const alias = optional(accessPointAliasOutputKey(id));
      return [id, { bucketName: required(bucketNameOutputKey(id)), ...(alias ? { accessPointAlias: alias } : {}) }];
    }),
  ) as DeployedStack['galleries'];

  const siteUrl = optional(OUTPUT_KEYS.siteUrl);
  return {
    stackName,
    region: required(OUTPUT_KEYS.region),
    userPoolId: required(OUTPUT_KEYS.userPoolId),
    userPoolClientId: required(OUTPUT_KEYS.userPoolClientId),
    identityPoolId: required(OUTPUT_KEYS.identityPoolId),
    galleries,
    ...(siteUrl
      ? { site: { url: siteUrl, bucketName: required(OUTPUT_KEYS.siteBucketName), distributionId: required(OUTPUT_KEYS.distributionId) } }
      : {}),
  };
}
