import { vi } from 'vitest';

/**
 * jsdom has no IntersectionObserver. This double records each observer and what it observes; tests say
 * when the sentinel comes into view, as a browser would after a scroll or a freshly created observer.
 */
export class FakeIntersectionObserver implements IntersectionObserver {
  static active = new Set<FakeIntersectionObserver>();
  static created = 0;
  readonly root: Element | Document | null;
  readonly rootMargin: string;
  readonly thresholds: readonly number[] = [0];
  readonly scrollMargin = '0px';
  private readonly targets = new Set<Element>();

  constructor(
    private readonly callback: IntersectionObserverCallback,
    options: IntersectionObserverInit = {},
  ) {
    this.root = options.root ?? null;
    this.rootMargin = options.rootMargin ?? '0px';
    FakeIntersectionObserver.created++;
    FakeIntersectionObserver.active.add(this);
  }

  observe(target: Element): void {
    this.targets.add(target);
  }
  unobserve(target: Element): void {
    this.targets.delete(target);
  }
  disconnect(): void {
    this.targets.clear();
    FakeIntersectionObserver.active.delete(this);
  }
  takeRecords(): IntersectionObserverEntry[] {
    return [];
  }

  /** Reports every observed target inside `within` as (not) intersecting. Returns how many were told. */
  static intersect(within: Element, isIntersecting = true): number {
    let told = 0;
    for (const observer of [...FakeIntersectionObserver.active]) {
      const entries = [...observer.targets]
        .filter((target) => within.contains(target))
        .map((target) => entry(target, isIntersecting));
      if (entries.length === 0) continue;
      told++;
      observer.callback(entries, observer);
    }
    return told;
  }

  /** Observers currently watching something inside `within`. */
  static watching(within: Element): number {
    return [...FakeIntersectionObserver.active].filter((o) => [...o.targets].some((t) => within.contains(t)))
      .length;
  }
}

function entry(target: Element, isIntersecting: boolean): IntersectionObserverEntry {
  const rect = target.getBoundingClientRect();
  return {
    target,
    isIntersecting,
    intersectionRatio: isIntersecting ? 1 : 0,
    boundingClientRect: rect,
    intersectionRect: rect,
    rootBounds: null,
    time: performance.now(),
  };
}

export function installIntersectionObserver(): void {
  FakeIntersectionObserver.active.clear();
  FakeIntersectionObserver.created = 0;
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
}
