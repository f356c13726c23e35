import type { ConfigResult } from '../../amplify-config';
import { configureAmplify } from '../lib/amplify/configureAmplify';

/**
 * Configures Amplify for valid settings. In local mode it also loads the local S3 routing — a dynamic
 * import behind `import.meta.env.VITE_LOCAL_AWS_ENDPOINT`, which Vite replaces at build time, so a
 * production build contains neither the branch nor the module.
 */
export async function prepareAmplify(result: ConfigResult): Promise<ConfigResult> {
  if (!result.ok) return result;
  configureAmplify(result.amplify);
  const { localEndpoint, region, galleries } = result.settings;
  if (import.meta.env.VITE_LOCAL_AWS_ENDPOINT && localEndpoint) {
    const { installLocalS3Routing } = await import('../lib/local-aws/installLocalS3Routing');
    installLocalS3Routing({ endpoint: localEndpoint, region, buckets: galleries.map((g) => g.bucket) });
  }
  return result;
}
