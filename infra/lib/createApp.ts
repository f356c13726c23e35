import { App, Validations, type AppProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { parseInfraConfig } from './config';
import { GalleryStack } from './galleryStack';

/**
 * Builds the CDK app: one GalleryStack configured from context, checked by cdk-nag's AWS Solutions pack.
 * Shared by infra/bin/app.ts and the tests, so what is tested is what `cdk synth` produces.
 */
export function createGalleryApp(props: AppProps = {}, env: Record<string, string | undefined> = process.env): {
  app: App;
  stack: GalleryStack;
} {
  const app = new App(props);
  const config = parseInfraConfig((key) => app.node.tryGetContext(key), env);
  const stack = new GalleryStack(app, config.stackName, {
    config,
    stackName: config.stackName,
    description: 'Cognito multi-bucket gallery: private buckets, user pool, identity pool, optional hosting',
    ...(config.env.account || config.env.region ? { env: config.env } : {}),
  });
  // Violations stop synthesis; acknowledged rules are copied into the template's Metadata with their reasons.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { writeSuppressionsToCloudFormation: true }));
  return { app, stack };
}
