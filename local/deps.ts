import type { EmulatorConfig } from './config';
import type { Clock } from './clock';
import type { Logger } from './log';
import type { Store } from './store/store';
import type { SigningKeys } from './tokens/signingKeys';

/** What every service's actions receive: injected, so tests swap the clock or the store. */
export interface EmulatorDeps {
  config: EmulatorConfig;
  clock: Clock;
  logger: Logger;
  store: Store;
  keys: SigningKeys;
  /** `http://127.0.0.1:<port>` once listening. */
  endpoint: string;
}
