import type { EmulatorDeps } from '../deps';
import { bucketArn, galleryReadPolicy, type PolicyDocument } from '../../policy/galleryReadPolicy';
import { authenticatedRoleArn, type Principal } from './credentials';
import { evaluatePolicies } from './evaluatePolicy';

/**
 * Whether a principal may perform an action on a resource. The administrator's long-term keys stand
 * for the account root (seeding, uploads) and may do everything; identity-pool credentials carry the
 * authenticated role, whose only permissions are the shared gallery policy; anonymous requests have none
 * (the buckets are private and have no bucket policy).
 */
export function rolePolicies(deps: EmulatorDeps, roleArn: string): PolicyDocument[] {
  if (roleArn !== authenticatedRoleArn(deps)) return [];
  return [
    galleryReadPolicy({ bucketArns: Object.values(deps.config.buckets).map((name) => bucketArn(name)) }),
  ];
}

export function isAllowed(
  deps: EmulatorDeps,
  principal: Principal | undefined,
  action: string,
  resource: string,
): boolean {
  if (!principal) return false;
  if (principal.kind === 'admin') return true;
  return evaluatePolicies(rolePolicies(deps, principal.credentials.roleArn), action, resource) === 'allow';
}
