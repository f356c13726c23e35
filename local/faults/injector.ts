import type { Clock } from '../clock';
import type { Logger } from '../log';
import { ConnectionReset, faultError } from './faultErrors';
import { FaultRegistry, type IdentifiedCall } from './registry';
import type { FaultRuleSpec } from './rules';
import { CallStats } from './stats';

export interface FaultInjector {
  registry: FaultRegistry;
  stats: CallStats;
  /**
   * Called by the routers once a call's service and action are known, before authentication and the
   * action itself: counts the call, then applies the first rule that fires — waits for latency, throws the
   * rule's AwsError (serialised by the service's own error path, CORS headers included) or ConnectionReset.
   */
  beforeAction(call: IdentifiedCall): Promise<void>;
}

/**
 * Latency is wall-clock network latency, so it waits on a real timer, not on the injected Clock (which
 * tests move to expire tokens without sleeping). The timer is unref'd: a pending delay never keeps a
 * stopping emulator alive.
 */
function delay(ms: number): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

export function createFaultInjector(initial: readonly FaultRuleSpec[], clock: Clock, logger: Logger): FaultInjector {
  const registry = new FaultRegistry();
  const stats = new CallStats(() => clock.now());
  for (const spec of initial) registry.add(spec, 'env');
  if (initial.length > 0) logger.info('fault rules active from LOCAL_AWS_FAULTS', { rules: initial.length });

  return {
    registry,
    stats,
    async beforeAction(call) {
      stats.record(call);
      const rule = registry.pick(call);
      if (!rule) return;
      await delay(rule.latencyMs ?? 0);
      if (rule.fault === 'latency') return;
      stats.recordFault(call);
      if (rule.fault === 'reset') throw new ConnectionReset();
      const error = faultError(call.service, rule);
      if (error) throw error;
    },
  };
}
