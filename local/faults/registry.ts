import type { FaultRuleSpec, FaultService } from './rules';
import { seededRandom } from './random';

/** A call the routers have identified, before its action runs. */
export interface IdentifiedCall {
  service: FaultService;
  action: string;
  /** S3 only: the bucket in the path. */
  bucket?: string;
}

/** A rule as `GET /_local/faults` lists it. */
export interface FaultRuleView extends FaultRuleSpec {
  id: string;
  source: 'api' | 'env';
  /** Faults left for a `count` rule; null when the rule has no count. */
  remaining: number | null;
  /** Calls the rule's selectors matched (calls an earlier rule already faulted never reach it). */
  matched: number;
  /** Calls the rule faulted. */
  hits: number;
  /** False once a `count` rule is used up; it stays listed until deleted, so its counters can be read. */
  active: boolean;
}

interface ActiveRule {
  view: FaultRuleView;
  draw: () => number;
}

/**
 * The rules in force, in the order they were added. For each identified call the first rule whose
 * selectors match and that decides to fire (count left, rate drawn) is the one applied: at most one
 * fault per call. Ids (`fault-1`, `fault-2` …) are never reused, even after a clear.
 */
export class FaultRegistry {
  private rules: ActiveRule[] = [];
  private next = 1;

  add(spec: FaultRuleSpec, source: 'api' | 'env'): FaultRuleView {
    const number = this.next++;
    const view: FaultRuleView = {
      ...spec,
      id: `fault-${number}`,
      source,
      remaining: spec.count ?? null,
      matched: 0,
      hits: 0,
      active: true,
    };
    this.rules.push({ view, draw: seededRandom(spec.seed ?? number) });
    return { ...view };
  }

  list(): FaultRuleView[] {
    return this.rules.map((rule) => ({ ...rule.view }));
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((rule) => rule.view.id !== id);
    return this.rules.length < before;
  }

  clear(): number {
    const removed = this.rules.length;
    this.rules = [];
    return removed;
  }

  /** The rule that faults this call, with its counters updated; undefined when the call runs untouched. */
  pick(call: IdentifiedCall): FaultRuleView | undefined {
    for (const { view, draw } of this.rules) {
      if (!view.active || !matches(view, call)) continue;
      view.matched += 1;
      // The draw happens for every matched call, so a rate rule's choices depend only on its own calls.
      if (view.rate !== undefined && !(draw() < view.rate)) continue;
      view.hits += 1;
      if (view.remaining !== null) {
        view.remaining -= 1;
        if (view.remaining === 0) view.active = false;
      }
      return { ...view };
    }
    return undefined;
  }
}

function matches(rule: FaultRuleSpec, call: IdentifiedCall): boolean {
  return (
    rule.service === call.service &&
    (rule.action === undefined || rule.action === call.action) &&
    (rule.bucket === undefined || rule.bucket === call.bucket)
  );
}
