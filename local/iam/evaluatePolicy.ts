import type { PolicyDocument } from '../../policy/galleryReadPolicy';

/**
 * The part of IAM's policy evaluation logic the emulator needs: an explicit Deny wins over any Allow,
 * an Allow wins over the implicit deny every request starts with. Actions match case-insensitively,
 * resources case-sensitively, both with IAM's `*` (any run of characters) and `?` (one character).
 * Conditions, NotAction and NotResource are not modelled: the gallery policy uses none of them.
 *
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
export type Decision = 'allow' | 'explicit-deny' | 'implicit-deny';

const patterns = new Map<string, RegExp>();

function wildcard(pattern: string, caseInsensitive: boolean): RegExp {
  const cacheKey = `${caseInsensitive ? 'i' : 's'}:${pattern}`;
  let regex = patterns.get(cacheKey);
  if (!regex) {
    const body = [...pattern]
      .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
      .join('');
    // `s`: a resource (an S3 key) may contain line breaks, and `*` must still span them.
    regex = new RegExp(`^${body}$`, caseInsensitive ? 'is' : 's');
    patterns.set(cacheKey, regex);
  }
  return regex;
}

export function matchesAction(pattern: string, action: string): boolean {
  return wildcard(pattern, true).test(action);
}

export function matchesResource(pattern: string, resource: string): boolean {
  return wildcard(pattern, false).test(resource);
}

export function evaluatePolicies(
  policies: readonly PolicyDocument[],
  action: string,
  resource: string,
): Decision {
  let allowed = false;
  for (const policy of policies) {
    for (const statement of policy.Statement) {
      const applies =
        statement.Action.some((a) => matchesAction(a, action)) &&
        statement.Resource.some((r) => matchesResource(r, resource));
      if (!applies) continue;
      if (statement.Effect === 'Deny') return 'explicit-deny';
      allowed = true;
    }
  }
  return allowed ? 'allow' : 'implicit-deny';
}
