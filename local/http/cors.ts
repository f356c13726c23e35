import type { LocalRequest, LocalResponse } from './types';

/**
 * CORS of the Cognito endpoints as AWS answers it: any origin, the headers Amplify sends
 * (`cache-control`, `x-amz-user-agent` …), and the response headers browsers may read.
 */
export const COGNITO_EXPOSE_HEADERS = 'x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date';

export function openCorsHeaders(): Record<string, string> {
  return {
    'access-control-allow-origin': '*',
    'access-control-expose-headers': COGNITO_EXPOSE_HEADERS,
  };
}

export function openPreflight(request: LocalRequest): LocalResponse {
  return {
    status: 200,
    headers: {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET,POST,OPTIONS',
      'access-control-allow-headers':
        request.headers['access-control-request-headers'] ??
        'content-type,x-amz-target,x-amz-user-agent,cache-control,authorization,x-amz-date,x-amz-security-token',
      'access-control-expose-headers': COGNITO_EXPOSE_HEADERS,
      'access-control-max-age': '600',
    },
  };
}
