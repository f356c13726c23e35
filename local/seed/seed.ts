import type { EmulatorDeps } from '../deps';

// Placeholder until the seed lands.
export async function seedIfEmpty(_deps: EmulatorDeps): Promise<void> {}
