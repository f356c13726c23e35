/**
 * The hosted site's Content-Security-Policy: the app's own files, and network access to exactly the
 * endpoints Amplify calls — Cognito user pool, Cognito identity pool and each gallery bucket's
 * virtual-hosted S3 endpoint (`https://{bucket}.s3.{region}.{suffix}`, as @aws-amplify/storage builds it).
 * Values may be CDK tokens (region, URL suffix, bucket names); the result is then a token string too.
 */
export interface ContentSecurityPolicyInput {
  region: string;
  /** `amazonaws.com` (or `amazonaws.com.cn`): the stack's AWS::URLSuffix. */
  urlSuffix: string;
  /** Names (or access point aliases) the app uses as bucket names. */
  bucketNames: string[];
}

export function awsEndpoints({ region, urlSuffix, bucketNames }: ContentSecurityPolicyInput): {
  cognito: string[];
  s3: string[];
} {
  return {
    cognito: [`https://cognito-idp.${region}.${urlSuffix}`, `https://cognito-identity.${region}.${urlSuffix}`],
    s3: bucketNames.map((name) => `https://${name}.s3.${region}.${urlSuffix}`),
  };
}

export function contentSecurityPolicy(input: ContentSecurityPolicyInput): string {
  const { cognito, s3 } = awsEndpoints(input);
  const directives: [string, string[]][] = [
    ['default-src', ["'none'"]],
    ['script-src', ["'self'"]],
    // No 'unsafe-inline': Vite emits stylesheets as files and React sets style props through the CSSOM.
    ['style-src', ["'self'"]],
    // data: for the small assets Vite inlines; blob: for images the app downloads and shows as object URLs;
    // S3 for presigned thumbnail URLs.
    ['img-src', ["'self'", 'data:', 'blob:', ...s3]],
    ['connect-src', ["'self'", ...cognito, ...s3]],
    ['font-src', ["'self'"]],
    ['manifest-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}
