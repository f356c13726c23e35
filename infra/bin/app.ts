import { InfraConfigError } from '../lib/config';
import { createGalleryApp } from '../lib/createApp';

// Entry point of `cdk synth` / `cdk deploy` (cdk.json: "app"). No lookups and no account needed to synthesize.
try {
  createGalleryApp().app.synth();
} catch (error) {
  if (error instanceof InfraConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
