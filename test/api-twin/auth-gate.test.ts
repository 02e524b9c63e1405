/** The twin's first gate, as the API's: no key, an unaccepted key, or no anthropic-version is refused before the body is read. */
import { describe, expect, it } from 'vitest';
import { gateRefusal } from '../../src/api-twin/server.js';

describe('gateRefusal', () => {
  it('asks for a key first, then checks it against the accepted keys, then asks for anthropic-version', () => {
    expect(gateRefusal(['k1'], undefined, undefined, 'req_1')).toMatchObject({ status: 401, body: { error: { type: 'authentication_error', message: 'x-api-key header is required' } } });
    expect(gateRefusal(['k1'], 'k2', '2023-06-01', 'req_1')).toMatchObject({ status: 401, body: { error: { message: 'invalid x-api-key' } } });
    expect(gateRefusal(['k1'], 'k1', undefined, 'req_1')).toMatchObject({ status: 400, body: { error: { type: 'invalid_request_error', message: 'anthropic-version: header is required' } } });
  });

  it('accepts any key when no keys are configured, and lets a complete request through', () => {
    expect(gateRefusal(undefined, 'anything', '2023-06-01', 'req_1')).toBeUndefined();
    expect(gateRefusal(['k1'], 'k1', '2023-06-01', 'req_1')).toBeUndefined();
  });

  it('names the request in the refusal', () => {
    expect(gateRefusal(undefined, undefined, undefined, 'req_42')?.body).toMatchObject({ request_id: 'req_42' });
  });
});
