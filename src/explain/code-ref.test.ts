import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseCode } from './code-ref.js';

const key = (s: string) => parseCode(s)?.code.key;

test('catalog keys parse in any spelling', () => {
  assert.equal(key('authorizationError.USER_PERMISSION_DENIED'), 'authorizationError.USER_PERMISSION_DENIED');
  assert.equal(key('authorization_error:USER_PERMISSION_DENIED'), 'authorizationError.USER_PERMISSION_DENIED');
  assert.equal(key('AuthorizationError.USER_PERMISSION_DENIED'), 'authorizationError.USER_PERMISSION_DENIED');
  assert.equal(key('authorizationError.2'), 'authorizationError.USER_PERMISSION_DENIED');
});

test('bare names, statuses, OAuth, ErrorInfo and global reasons go to their families', () => {
  assert.equal(key('USER_PERMISSION_DENIED'), 'authorizationError.USER_PERMISSION_DENIED');
  assert.equal(key('PERMISSION_DENIED'), 'status.PERMISSION_DENIED');
  assert.equal(key('7'), 'status.PERMISSION_DENIED');
  assert.equal(key('invalid_grant'), 'oauth.invalid_grant');
  assert.equal(key('SERVICE_DISABLED'), 'errorInfo.SERVICE_DISABLED');
  assert.equal(key('rateLimitExceeded'), 'global.rateLimitExceeded');
  const withHttp = parseCode('401.required');
  assert.equal(withHttp?.code.key, 'global.required');
  assert.equal(withHttp?.http, 401);
});

test('a bare name shared by several categories lists the others', () => {
  const p = parseCode('DUPLICATE_NAME');
  assert.ok(p);
  assert.ok(p.alternatives.length >= 5);
});

test('parseCode never throws', () => {
  fc.assert(fc.property(fc.string(), (s) => void parseCode(s)));
});
