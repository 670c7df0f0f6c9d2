import { test } from 'node:test';
import assert from 'node:assert/strict';
import { httpStatusFromText, messageFromText, normalizePasted, requestIdFromText, statusFromText } from './text-clues.js';

test('each client spelling of a gRPC status is read', () => {
  const cases: [string, number][] = [
    ['status = StatusCode.PERMISSION_DENIED', 7],
    ['Status(StatusCode="InvalidArgument", Detail="x")', 3],
    ['Status (StatusCode=PermissionDenied, Detail="x")', 7],
    ['rpc error: code = Unavailable desc = x', 14],
    ['GRPC::NotFound (5:Requested entity was not found.)', 5],
    ['caused by 13:Internal error encountered.', 13],
    ['io.grpc.StatusRuntimeException: INTERNAL: Internal error encountered.', 13],
    ['Error: 16 UNAUTHENTICATED: Request is missing required authentication credential.', 16],
    ['Status code: 7\nDetails: The caller does not have permission', 7],
    ['RESOURCE_EXHAUSTED: Quota exceeded for quota metric', 8],
    ['google.api_core.exceptions.ServiceUnavailable: 503 The service is currently unavailable.', 14],
  ];
  for (const [text, code] of cases) assert.equal(statusFromText(text), code, text);
});

test('a bare code number counts only where the text reads like a failure', () => {
  assert.equal(statusFromText('All 3 campaigns updated. code: 3 items'), null);
  assert.equal(statusFromText('Fault: code: 3'), 3);
  assert.equal(statusFromText('debug_error_string = "UNKNOWN:Error received from peer"'), null);
});

test('HTTP statuses from client and server printouts', () => {
  assert.equal(httpStatusFromText('resulted in a `401 Unauthorized` response'), 401);
  assert.equal(httpStatusFromText('googleapi: Error 403: User rate limit exceeded, userRateLimitExceeded'), 403);
  assert.equal(httpStatusFromText('<HttpError 403 when requesting https://x returned "y">'), 403);
  assert.equal(httpStatusFromText('404 Client Error: Not Found for url: https://x'), 404);
  assert.equal(httpStatusFromText('The remote server returned an error: (404) Not Found.'), 404);
  assert.equal(httpStatusFromText('<title>Error 404 (Not Found)!!1</title>'), 404);
  assert.equal(httpStatusFromText('nothing here'), null);
});

test('request ids, and never the placeholder a log writes when there is none', () => {
  assert.equal(requestIdFromText('Request with ID "abc_DEF-123" failed'), 'abc_DEF-123');
  assert.equal(requestIdFromText('Request ID _YO5i_Hgq8sD4h7DVEGTGg failed due to GoogleAdsException'), '_YO5i_Hgq8sD4h7DVEGTGg');
  assert.equal(requestIdFromText('"request-id" => [\n  "0WM2QISAl7XaiqFx-doI7A"\n]'), '0WM2QISAl7XaiqFx-doI7A');
  assert.equal(requestIdFromText('RequestID: null, ResponseCode: DEADLINE_EXCEEDED'), null);
});

test("the server's own words, not the client's wrapping", () => {
  assert.equal(messageFromText('Status(StatusCode="Internal", Detail="Internal error encountered.")'), 'Internal error encountered.');
  assert.equal(messageFromText('rpc error: code = InvalidArgument desc = Request contains an invalid argument.'), 'Request contains an invalid argument.');
  assert.equal(messageFromText('GRPC::InvalidArgument (3:Request contains an invalid argument.)'), 'Request contains an invalid argument.');
});

test('pasted HTML and console artifacts are undone', () => {
  assert.equal(normalizePasted('{<br/> "a": 1↵}'), '{\n "a": 1\n}');
  assert.equal(normalizePasted('&lt;Google::Ads&gt; &quot;x&quot;'), '<Google::Ads> "x"');
});
