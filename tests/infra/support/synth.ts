import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Template } from 'aws-cdk-lib/assertions';
import type { App } from 'aws-cdk-lib';
import { createGalleryApp } from '../../../infra/lib/createApp';
import type { GalleryStack } from '../../../infra/lib/galleryStack';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The context `cdk synth` uses (cdk.json: defaults and feature flags), so tests synthesize the same template. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(path.join(ROOT, 'cdk.json'), 'utf8')) as { context?: Record<string, unknown> };
  return cdkJson.context ?? {};
}

export interface Synthesized {
  app: App;
  stack: GalleryStack;
  template: Template;
}

/**
 * Synthesizes the real app (cdk-nag plugin included, so a violation fails here already) with extra
 * context. Synthesis takes seconds: call it once per configuration per file and share the result.
 */
export function synthesize(context: Record<string, unknown> = {}): Synthesized {
  const { app, stack } = createGalleryApp({ context: { ...cdkJsonContext(), ...context } }, {});
  return { app, stack, template: Template.fromStack(stack) };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Pseudo-parameter values used to render intrinsic functions into plain strings in assertions. */
export const PSEUDO = { 'AWS::AccountId': '123456789012', 'AWS::Region': 'ap-northeast-1', 'AWS::URLSuffix': 'amazonaws.com' };

/**
 * Renders `Fn::Join`, pseudo-parameter `Ref`s and resource references into a string, e.g.
 * `https://<HostingDistributionC6A6E351.DomainName>`, so tests can compare whole values.
 */
export function render(value: unknown): string {
  const json = value as Json;
  if (typeof json === 'string') return json;
  if (json && typeof json === 'object' && !Array.isArray(json)) {
    const join = json['Fn::Join'];
    if (Array.isArray(join)) {
      const [separator, parts] = join;
      if (typeof separator === 'string' && Array.isArray(parts)) return parts.map(render).join(separator);
    }
    const ref = json.Ref;
    if (typeof ref === 'string') return ref in PSEUDO ? PSEUDO[ref as keyof typeof PSEUDO] : `<${ref}>`;
    const getAtt = json['Fn::GetAtt'];
    if (Array.isArray(getAtt)) return `<${getAtt.join('.')}>`;
  }
  throw new Error(`Cannot render ${JSON.stringify(value)}`);
}

/** The single resource of a type matching `props` (fails if there is not exactly one). */
export function onlyResource(template: Template, type: string, props?: Record<string, unknown>): { logicalId: string; properties: Record<string, unknown> } {
  const found = Object.entries(template.findResources(type, props ? { Properties: props } : undefined));
  if (found.length !== 1) throw new Error(`Expected one ${type}, found ${found.length}`);
  const [logicalId, resource] = found[0] as [string, { Properties: Record<string, unknown> }];
  return { logicalId, properties: resource.Properties };
}
