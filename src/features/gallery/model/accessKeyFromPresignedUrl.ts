/**
 * The access key id a presigned URL was signed with, read from its `X-Amz-Credential` query parameter
 * (`<key id>/<date>/<region>/s3/aws4_request`). This is exactly the key S3 checks when the browser loads the
 * image, so the request log shows the credentials that really served it.
 */
export function accessKeyFromPresignedUrl(url: string): string | undefined {
  try {
    const credential = new URL(url).searchParams.get('X-Amz-Credential');
    const keyId = credential?.split('/')[0];
    return keyId || undefined;
  } catch {
    return undefined;
  }
}
