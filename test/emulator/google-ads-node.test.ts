/**
 * The official-style Node client, google-ads-node (on google-gax), unmodified, pointed at the
 * emulator with its documented constructor options. Its successes parse, and its failures
 * keep the trailers, which the project's decoder reads. (Its messages use proto field names:
 * `customer_id`, `mutate_operations`.)
 *
 * Opteo's google-ads-api cannot be pointed at the emulator without editing it: its REST base
 * URL is fixed, and although `grpc_channel_options` reach the gax constructor (so `apiEndpoint`
 * and `port` could be set), it always forces TLS credentials and refreshes the token at
 * Google's OAuth server. What is checked instead is that its own failure decoder reads the
 * emulator's trailer bytes.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as grpc from '@grpc/grpc-js';
import { GoogleAdsServiceClient } from 'google-ads-node';
import { errors as opteoErrors } from 'google-ads-api';
import { FAILURE_TRAILER_KEY } from '../../src/emulator/index.js';
import { decode } from '../../src/decode/index.js';
import { IDS, startEmulator, TOKENS, type RunningEmulator } from '../../src/emulator/index.js';

let emu: RunningEmulator;
let client: InstanceType<typeof GoogleAdsServiceClient>;

before(async () => {
  emu = await startEmulator({ seed: 4, httpPort: null });
  const port = Number(emu.grpcAddress!.split(':').pop());
  client = new GoogleAdsServiceClient({
    apiEndpoint: '127.0.0.1',
    port,
    sslCreds: grpc.credentials.createInsecure(),
    // Without it gax looks for Cloud credentials and probes the metadata server.
    universeDomain: 'googleapis.com',
  });
});
after(async () => {
  await client.close();
  await emu.close();
});

const headers = (over: Record<string, string> = {}) => ({
  otherArgs: {
    headers: {
      authorization: `Bearer ${TOKENS.access}`,
      'developer-token': TOKENS.developer,
      'login-customer-id': IDS.manager,
      ...over,
    },
  },
});

test('google-ads-node search returns the emulator rows', async () => {
  const [rows] = await client.search({ customer_id: IDS.client, query: 'SELECT campaign.id, campaign.name FROM campaign LIMIT 2' }, headers());
  assert.equal(rows.length, 2);
  assert.match(String(rows[0]?.campaign?.resource_name), new RegExp(`^customers/${IDS.client}/campaigns/`));
});

test('google-ads-node mutate reports a field error whose trailers decode to the operation', async () => {
  await assert.rejects(
    client.mutate({ customer_id: IDS.client, mutate_operations: [{ campaign_operation: { create: { status: 3 } } }] }, headers()),
    (e: unknown) => {
      const d = decode(e);
      assert.equal(d.code, 'fieldError.REQUIRED');
      assert.equal(d.errors[0]?.fieldPathText, 'mutate_operations[0].campaign_operation.create.name');
      assert.equal(d.requestId?.length, 22);
      return true;
    },
  );
});

test('google-ads-node meets USER_PERMISSION_DENIED without login-customer-id', async () => {
  await assert.rejects(
    client.search({ customer_id: IDS.client, query: 'SELECT customer.id FROM customer' }, { otherArgs: { headers: { authorization: `Bearer ${TOKENS.access}`, 'developer-token': TOKENS.developer } } }),
    (e: unknown) => {
      const d = decode(e);
      assert.equal(d.status?.code, 7);
      assert.equal(d.code, 'authorizationError.USER_PERMISSION_DENIED');
      return true;
    },
  );
});

test("google-ads-api's own decoder reads the emulator's GoogleAdsFailure trailer", async () => {
  await assert.rejects(
    client.search({ customer_id: '123-456-7890', query: 'SELECT customer.id FROM customer' }, headers()),
    (e: unknown) => {
      const md = (e as { metadata: grpc.Metadata }).metadata;
      const bytes = md.get(FAILURE_TRAILER_KEY)[0] as Buffer;
      const failure = opteoErrors.GoogleAdsFailure.decode(bytes);
      assert.equal(failure.errors.length, 1);
      // protobufjs gives enum numbers: authentication_error (17) = CLIENT_CUSTOMER_ID_INVALID (5).
      assert.equal((failure.errors[0]!.error_code as { authentication_error?: number }).authentication_error, 5);
      assert.equal(failure.request_id, md.get('request-id')[0]);
      return true;
    },
  );
});
