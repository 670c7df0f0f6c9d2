/**
 * Successful calls and request errors of the served methods: plausible rows, mutates that
 * change the world, field errors, partial failure, GAQL mistakes, batch jobs.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decode } from '../../src/decode/index.js';
import { IDS, startEmulator, TOKENS, type RunningEmulator } from '../../src/emulator/index.js';
import { ADMIN_HEADERS, GrpcClients, rest, withHeaders } from './clients.js';

let emu: RunningEmulator;
let clients: GrpcClients;
const base = () => `${emu.httpUrl}/v25/customers/${IDS.client}`;

before(async () => {
  emu = await startEmulator({ seed: 2 });
  clients = new GrpcClients(emu.grpcAddress!);
});
after(async () => {
  clients.close();
  await emu.close();
});

describe('search', () => {
  test('rows carry only the selected fields plus resource names; WHERE, ORDER BY and LIMIT apply', async () => {
    const r = await clients.unary('GoogleAdsService.Search', {
      customerId: IDS.client,
      query: "SELECT campaign.name, metrics.clicks FROM campaign WHERE campaign.status = 'ENABLED' ORDER BY campaign.name DESC LIMIT 3",
    });
    assert.equal(r.error, null);
    const rows = r.response!['results'] as { campaign: Record<string, unknown>; metrics: Record<string, unknown> }[];
    assert.equal(rows.length, 3);
    const names = rows.map((x) => x.campaign['name'] as string);
    assert.deepEqual(names, [...names].sort().reverse());
    for (const row of rows) {
      assert.deepEqual(Object.keys(row.campaign).sort(), ['name', 'resourceName']);
      assert.match(String(row.metrics['clicks']), /^\d+$/);
    }
    assert.equal(r.headers?.get('request-id').length, 1, 'unary success has request-id in the headers');
  });

  test('a manager lists its clients through customer_client', async () => {
    const r = await rest(`${emu.httpUrl}/v25/customers/${IDS.manager}`, '/googleAds:search', {
      query: 'SELECT customer_client.client_customer, customer_client.level FROM customer_client WHERE customer_client.level <= 1',
    });
    assert.equal(r.status, 200);
    const clientsOf = r.body.results.map((x: { customerClient: { clientCustomer: string } }) => x.customerClient.clientCustomer);
    assert.ok(clientsOf.includes(`customers/${IDS.client}`));
    assert.ok(!clientsOf.includes(`customers/${IDS.deepClient}`), 'level 2 filtered out');
  });

  for (const [query, code] of [
    ['SELECT campaign.nme FROM campaign', 'queryError.UNRECOGNIZED_FIELD'],
    ['SELEC campaign.id FROM campaign', 'queryError.EXPECTED_SELECT'],
    ['SELECT campaign.id FROM campaigns', 'queryError.BAD_RESOURCE_TYPE_IN_FROM_CLAUSE'],
    ['SELECT campaign.id FROM campaign LIMIT x', 'queryError.BAD_LIMIT_VALUE'],
    ["SELECT campaign.id FROM campaign WHERE campaign.name = 'open", 'queryError.STRING_NOT_TERMINATED'],
    ['SELECT campaign.id FROM campaign WHERE campaign.status = LIVE', 'queryError.BAD_ENUM_CONSTANT'],
    ['SELECT ad_group.id FROM campaign', 'queryError.PROHIBITED_RESOURCE_TYPE_IN_SELECT_CLAUSE'],
    ['SELECT campaign.id FROM campaign WHERE campaign.id @ 3', 'queryError.BAD_SYMBOL'],
  ] as const) {
    test(`GAQL mistake → ${code}`, async () => {
      const r = await rest(base(), '/googleAds:search', { query });
      assert.equal(r.status, 400);
      assert.equal(decode(r.body).code, code);
    });
  }

  test('paging: a page size or a made-up page token is refused', async () => {
    const size = await rest(base(), '/googleAds:search', { query: 'SELECT customer.id FROM customer', pageSize: 10 });
    assert.equal(decode(size.body).code, 'requestError.PAGE_SIZE_NOT_SUPPORTED');
    const token = await rest(base(), '/googleAds:search', { query: 'SELECT customer.id FROM customer', pageToken: 'abc' });
    assert.equal(decode(token.body).code, 'requestError.INVALID_PAGE_TOKEN');
  });

  test('metrics on a manager account → REQUESTED_METRICS_FOR_MANAGER', async () => {
    const r = await clients.unary('GoogleAdsService.Search', { customerId: IDS.manager, query: 'SELECT customer.id, metrics.clicks FROM customer' });
    assert.equal(decode(r.error).code, 'queryError.REQUESTED_METRICS_FOR_MANAGER');
  });

  test('unknown JSON fields are refused like the REST front end does', async () => {
    const r = await rest(base(), '/googleAds:search', { query: 'SELECT customer.id FROM customer', qurey: 'x' });
    assert.equal(r.status, 400);
    assert.equal(r.body.error.status, 'INVALID_ARGUMENT');
  });

  test('a failing searchStream over REST is a JSON array even when it holds only the error', async () => {
    const r = await rest(base(), '/googleAds:searchStream', { query: 'SELECT campaign.id FROM campaign' }, withHeaders({ 'login-customer-id': undefined }));
    assert.equal(r.status, 403);
    assert.ok(Array.isArray(r.body));
    assert.equal(r.body.length, 1);
    assert.equal(decode(r.body).code, 'authorizationError.USER_PERMISSION_DENIED');
  });

  test('ListAccessibleCustomers returns the directly accessible accounts', async () => {
    const g = await clients.unary('CustomerService.ListAccessibleCustomers', {}, withHeaders({ authorization: `Bearer ${TOKENS.clientOnly}`, 'login-customer-id': undefined }));
    assert.deepEqual(g.response, { resourceNames: [`customers/${IDS.client}`] });
    const r = await rest(emu.httpUrl!, '/v25/customers:listAccessibleCustomers', null, ADMIN_HEADERS, 'GET');
    assert.deepEqual(r.body, { resourceNames: [`customers/${IDS.manager}`] });
  });
});

describe('mutate', () => {
  test('CampaignService.MutateCampaigns creates a campaign that Search then returns', async () => {
    const r = await clients.unary('CampaignService.MutateCampaigns', { customerId: IDS.client, operations: [{ create: { name: 'Created over gRPC', status: 'PAUSED' } }] });
    assert.equal(r.error, null);
    const rn = (r.response!['results'] as { resourceName: string }[])[0]!.resourceName;
    assert.match(rn, new RegExp(`^customers/${IDS.client}/campaigns/\\d+$`));
    const s = await rest(base(), '/googleAds:search', { query: "SELECT campaign.status FROM campaign WHERE campaign.name = 'Created over gRPC'" });
    assert.deepEqual(s.body.results, [{ campaign: { resourceName: rn, status: 'PAUSED' } }]);
  });

  test('field errors fail the whole request atomically, each error with its operation index', async () => {
    const before = (await rest(base(), '/googleAds:search', { query: 'SELECT campaign.id FROM campaign' })).body.results.length;
    const r = await rest(base(), '/campaigns:mutate', {
      operations: [{ create: { name: 'Fine' } }, { create: { status: 'PAUSED' } }, { create: { name: 'x'.repeat(256) } }, { create: { name: '' } }],
    });
    assert.equal(r.status, 400);
    const d = decode(r.body);
    assert.deepEqual(
      d.errors.map((e) => [e.code.key, e.operationIndex, e.fieldPathText]),
      [
        ['fieldError.REQUIRED', 1, 'operations[1].create.name'],
        ['stringLengthError.TOO_LONG', 2, 'operations[2].create.name'],
        ['stringLengthError.TOO_SHORT', 3, 'operations[3].create.name'],
      ],
    );
    const after = (await rest(base(), '/googleAds:search', { query: 'SELECT campaign.id FROM campaign' })).body.results.length;
    assert.equal(after, before, 'nothing applied');
  });

  test('partialFailure applies the good operations and reports the bad ones in partialFailureError', async () => {
    const r = await clients.unary('CampaignService.MutateCampaigns', {
      customerId: IDS.client,
      partialFailure: true,
      operations: [{ create: { name: 'Partial A' } }, { create: {} }, { create: { name: 'Partial A' } }],
    });
    assert.equal(r.error, null);
    const results = r.response!['results'] as Record<string, unknown>[];
    assert.equal(results.length, 3);
    assert.ok(results[0]!['resourceName']);
    assert.deepEqual([results[1], results[2]], [{}, {}]);
    const d = decode(r.response!['partialFailureError']);
    assert.deepEqual(
      d.errors.map((e) => [e.code.key, e.operationIndex]),
      [
        ['fieldError.REQUIRED', 1],
        ['campaignError.DUPLICATE_CAMPAIGN_NAME', 2],
      ],
    );
    assert.equal(d.requestId, r.headers?.get('request-id')[0]);
  });

  test('GoogleAdsService.Mutate links a new budget to a new campaign by temporary id', async () => {
    const r = await rest(base(), '/googleAds:mutate', {
      mutateOperations: [
        { campaignBudgetOperation: { create: { resourceName: `customers/${IDS.client}/campaignBudgets/-1`, name: 'Temp budget', amountMicros: '5000000' } } },
        { campaignOperation: { create: { name: 'Uses temp budget', campaignBudget: `customers/${IDS.client}/campaignBudgets/-1` } } },
      ],
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const budget = r.body.mutateOperationResponses[0].campaignBudgetResult.resourceName;
    const s = await rest(base(), '/googleAds:search', { query: "SELECT campaign.campaign_budget FROM campaign WHERE campaign.name = 'Uses temp budget'" });
    assert.equal(s.body.results[0].campaign.campaignBudget, budget);
  });

  test('GoogleAdsService.Mutate error paths name mutate_operations[i].campaign_operation', async () => {
    const r = await clients.unary('GoogleAdsService.Mutate', { customerId: IDS.client, mutateOperations: [{ campaignOperation: { update: { resourceName: `customers/${IDS.client}/campaigns/1` }, updateMask: 'name' } }] });
    const d = decode(r.error);
    assert.equal(d.errors[0]?.fieldPathText?.startsWith('mutate_operations[0].campaign_operation.update'), true);
  });

  test('validateOnly checks but changes nothing', async () => {
    const r = await rest(base(), '/campaigns:mutate', { validateOnly: true, operations: [{ create: { name: 'Only validated' } }] });
    assert.equal(r.status, 200);
    const s = await rest(base(), '/googleAds:search', { query: "SELECT campaign.id FROM campaign WHERE campaign.name = 'Only validated'" });
    assert.equal(s.body.results?.length ?? 0, 0);
  });

  test('update and remove with resource names, mask and status', async () => {
    const created = await rest(base(), '/campaigns:mutate', { operations: [{ create: { name: 'To rename' } }] });
    const rn = created.body.results[0].resourceName;
    const up = await rest(base(), '/campaigns:mutate', { operations: [{ update: { resourceName: rn, name: 'Renamed' }, updateMask: 'name' }] });
    assert.equal(up.status, 200);
    const rm = await rest(base(), '/campaigns:mutate', { operations: [{ remove: rn }] });
    assert.equal(rm.status, 200);
    const again = await rest(base(), '/campaigns:mutate', { operations: [{ remove: rn }] });
    assert.equal(decode(again.body).code, 'mutateError.RESOURCE_NOT_FOUND');
  });
});

describe('batch jobs', () => {
  test('create, add operations, run, list results: each failed operation has its own status', async () => {
    const job = await clients.unary('BatchJobService.MutateBatchJob', { customerId: IDS.client, operation: { create: {} } });
    const rn = (job.response!['result'] as { resourceName: string }).resourceName;
    const notReady = await clients.unary('BatchJobService.ListBatchJobResults', { resourceName: rn });
    assert.equal(decode(notReady.error).code, 'batchJobError.RESULTS_NOT_READY');
    const add = await rest(emu.httpUrl!, `/v25/${rn}:addOperations`, {
      mutateOperations: [{ campaignOperation: { create: { name: 'From batch' } } }, { campaignOperation: { create: {} } }],
    });
    assert.equal(add.body.totalOperations, '2');
    const run = await clients.unary('BatchJobService.RunBatchJob', { resourceName: rn });
    assert.equal(run.error, null);
    const list = await rest(emu.httpUrl!, `/v25/${rn}:listResults`, null, ADMIN_HEADERS, 'GET');
    assert.equal(list.status, 200);
    const [ok, bad] = list.body.results;
    assert.ok(ok.mutateOperationResponse.campaignResult.resourceName);
    assert.equal(bad.operationIndex, '1');
    const d = decode(bad.status);
    assert.equal(d.code, 'fieldError.REQUIRED');
  });
});

describe('requests refused before any method', () => {
  test('an unknown path is a NOT_FOUND that is logged with its own request id', async () => {
    const r = await rest(emu.httpUrl!, '/v25/customers/1/nothingHere:do', {});
    assert.equal(r.status, 404);
    assert.equal(r.body.error.status, 'NOT_FOUND');
    const entry = emu.log.entries.find((e) => e.requestId === r.requestId);
    assert.equal(entry?.code, 5);
  });

  test('another API version is refused with requestError.UNSUPPORTED_VERSION', async () => {
    const r = await rest(emu.httpUrl!, `/v19/customers/${IDS.client}/googleAds:search`, { query: 'SELECT customer.id FROM customer' });
    assert.equal(r.status, 400);
    assert.equal(decode(r.body).code, 'requestError.UNSUPPORTED_VERSION');
  });

  test('a body that is not JSON is an INVALID_ARGUMENT', async () => {
    const res = await fetch(`${emu.httpUrl}/v25/customers/${IDS.client}/googleAds:search`, { method: 'POST', headers: { ...ADMIN_HEADERS }, body: '{not json' });
    assert.equal(res.status, 400);
    const body = (await res.json()) as { error: { message: string } };
    assert.match(body.error.message, /Invalid JSON payload/);
    assert.ok(res.headers.get('request-id'));
  });
});
