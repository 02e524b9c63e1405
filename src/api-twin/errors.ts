// Error responses exactly as the API sends them: body
// {"type":"error","error":{"type":...,"message":...},"request_id":"req_..."} plus headers.
import type { Fault } from './types.js';

export interface ErrorResponse {
  status: number;
  body: { type: 'error'; error: { type: string; message: string; details?: { error_code: string } }; request_id: string };
  headers: Record<string, string>;
}

export function errorResponse(
  status: number,
  type: string,
  message: string,
  requestId: string,
  headers: Record<string, string> = {},
  errorCode?: string,
): ErrorResponse {
  return {
    status,
    body: {
      type: 'error',
      error: { type, message, ...(errorCode ? { details: { error_code: errorCode } } : {}) },
      request_id: requestId,
    },
    headers,
  };
}

/** The HTTP error a fault stands for; undefined for faults that act on the connection or stream. */
export function faultResponse(fault: Fault, requestId: string): ErrorResponse | undefined {
  switch (fault.kind) {
    case 'rate-limit': {
      const retryAfter = fault.retryAfter ?? 1;
      return errorResponse(
        429,
        'rate_limit_error',
        'This request would exceed the rate limit for your organization of 50 requests per minute. Please retry after the time in the retry-after header.',
        requestId,
        { 'retry-after': String(retryAfter), 'anthropic-ratelimit-requests-remaining': '0' },
      );
    }
    case 'overloaded':
      return errorResponse(529, 'overloaded_error', 'Overloaded', requestId);
    case 'server-error':
      return errorResponse(500, 'api_error', 'Internal server error', requestId);
    case 'spend-limit':
      return errorResponse(
        429,
        'rate_limit_error',
        'Your organization has reached its enforced spend limit (enforced_spend_limit_reached). Raise the limit in the Console to continue.',
        requestId,
        // The SDK must not retry this: nothing will change until a person acts.
        { 'x-should-retry': 'false' },
        'enforced_spend_limit_reached',
      );
    case 'status':
      return errorResponse(fault.status, fault.errorType, fault.message, requestId, fault.headers ?? {});
    case 'stream-error':
    case 'reset':
      return undefined;
  }
}
