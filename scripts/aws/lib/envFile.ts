import { GALLERY_IDS } from '../../../infra/lib/contract';
import type { DeployedStack } from './deployedStack';
import { ScriptError } from './scriptError';

/** The file Vite reads for `vite build` (mode production), and git ignores (`*.local`). */
export const PRODUCTION_ENV_FILE = '.env.production.local';

export interface EnvOptions {
  /** Use the access point aliases as bucket names when the stack has them (default true). */
  useAccessPointAliases: boolean;
}

/** The app's `VITE_*` settings for a deployed stack, in the order they are written. */
export function productionEnv(stack: DeployedStack, { useAccessPointAliases }: EnvOptions): [string, string][] {
  const galleries = GALLERY_IDS.map((id) => {
    const { bucketName, accessPointAlias } = stack.galleries[id];
    return `${id}=${useAccessPointAliases && accessPointAlias ? accessPointAlias : bucketName}`;
  }).join(',');
  return [
    ['VITE_AWS_REGION', stack.region],
    ['VITE_USER_POOL_ID', stack.userPoolId],
    ['VITE_USER_POOL_CLIENT_ID', stack.userPoolClientId],
    ['VITE_IDENTITY_POOL_ID', stack.identityPoolId],
    ['VITE_GALLERIES', galleries],
  ];
}

// Stack outputs are ids and names; anything that would need quoting in a dotenv file is not one of ours.
const PLAIN_VALUE = /^[A-Za-z0-9_.:,=/@+-]+$/;

export function renderEnvFile(stack: DeployedStack, entries: [string, string][]): string {
  for (const [name, value] of entries) {
    if (!PLAIN_VALUE.test(value)) throw new ScriptError(`Output for ${name} has an unexpected value ${JSON.stringify(value)}`);
  }
  return [
    `# Written by \`npm run aws:write-env\` from stack ${stack.stackName} (${stack.region}).`,
    '# Run it again after every deploy instead of editing by hand. Nothing here is secret.',
    ...entries.map(([name, value]) => `${name}=${value}`),
    '',
  ].join('\n');
}
