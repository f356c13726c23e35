import { vi } from 'vitest';

/**
 * The parts of the real emulator (tests/local/support/startTestEmulator.ts) the api contract test uses.
 *
 * Loaded through a variable specifier on purpose: TypeScript does not follow it, because the app's
 * tsconfig (DOM types, no Node types) cannot type-check the Node-only emulator, while Vitest resolves and
 * runs it as usual. The interface below is therefore not checked against `TestEmulator` by the compiler:
 * it lists only fields that type has, and a drift makes the contract test fail when it runs.
 */
export interface ContractEmulator {
  url: string;
  config: {
    region: string;
    userPoolId: string;
    userPoolClientId: string;
    identityPoolId: string;
    buckets: Record<string, string | undefined>;
    tokenTtlSeconds: number;
    credentialsTtlSeconds: number;
    admin: { accessKeyId: string; secretAccessKey: string };
  };
  clock: { advance(ms: number): void };
  dispose(): Promise<void>;
}

// Starting an emulator (temp dir, seed, keys) takes a few seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

interface EmulatorModule {
  startTestEmulator(): Promise<ContractEmulator>;
}

export async function startEmulator(): Promise<ContractEmulator> {
  const specifier = '../../../local/support/startTestEmulator';
  const loaded: EmulatorModule = await import(/* @vite-ignore */ specifier);
  return loaded.startTestEmulator();
}
