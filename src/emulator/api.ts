/**
 * The methods the emulator serves, transport-neutral: each takes the request in proto JSON
 * form (already checked against its schema by the transport) and returns the response in
 * proto JSON form, or throws an EmulatorFailure. The gRPC and REST servers both call these,
 * so the two transports share one world and one set of rules.
 */
import { adsError, EmulatorFailure, statusJsonOf, type PathElement } from './failure.js';
import { parseQuery } from './gaql.js';
import { runOperations, MUTATE_KINDS, type MutateKind } from './mutate.js';
import { queryRows } from './rows.js';
import type { CustomerRecord, UserRecord, World } from './world.js';

type Json = Record<string, unknown>;

/** What a handler gets besides its request: the world and who is calling, already checked. */
export interface HandlerContext {
  readonly world: World;
  readonly user: UserRecord;
  /** The customer of the call; null for methods without one (ListAccessibleCustomers). */
  readonly customer: CustomerRecord | null;
  readonly requestId: string;
  readonly batchJobs: Map<string, BatchJobRecord>;
}

export interface BatchJobRecord {
  readonly customerId: string;
  readonly id: string;
  operations: Json[];
  status: 'PENDING' | 'RUNNING' | 'DONE';
  results: Json[] | null;
}

export interface MethodSpec {
  /** `GoogleAdsService.Search` */
  readonly key: string;
  readonly service: string;
  readonly method: string;
  readonly requestType: string;
  readonly responseType: string;
  readonly serverStream: boolean;
  /** Where the customer id is; null for methods that take none. */
  readonly customerIdOf: ((req: Json) => string) | null;
  readonly run: (ctx: HandlerContext, req: Json) => Json | StreamRows;
}

/** A SearchStream's answer before it is cut into messages. */
export interface StreamRows {
  readonly rows: Json[];
  readonly fieldMask: string;
}

const S = (n: string) => `services.${n}`;
const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/** Rows of a query on the call's customer, or the query's failure. */
function runQuery(ctx: HandlerContext, req: Json): StreamRows {
  const q = parseQuery(str(req['query']));
  if (q instanceof Error) throw q;
  const customer = ctx.customer!;
  if (customer.manager && q.select.some((f) => f.top === 'metrics')) {
    throw adsError('queryError.REQUESTED_METRICS_FOR_MANAGER', 'Metrics cannot be requested for a manager account; query its client accounts instead.', { path: ['query'] });
  }
  return { rows: queryRows(ctx.world, customer, q), fieldMask: q.select.map((f) => f.jsonPath.join('.')).join(',') };
}

function mutateGoogleAds(ctx: HandlerContext, req: Json): Json {
  const list = (req['mutateOperations'] as Json[] | undefined) ?? [];
  const ops = list.map((m) => {
    const kind = (Object.keys(MUTATE_KINDS) as MutateKind[]).find((k) => m[k] !== undefined) ?? null;
    return { kind, op: kind ? (m[kind] as Json) : {} };
  });
  const at = (i: number, kind: MutateKind | null): PathElement[] => [['mutate_operations', i], ...(kind ? [MUTATE_KINDS[kind].proto] : [])];
  const out = runOperations(ctx.world, ctx.customer!, ops, at, {
    partialFailure: req['partialFailure'] === true,
    validateOnly: req['validateOnly'] === true,
    fullResource: req['responseContentType'] === 'MUTABLE_RESOURCE',
    listField: 'mutate_operations',
  });
  return {
    mutateOperationResponses: out.results.map((r, i) => (r ? { [MUTATE_KINDS[ops[i]!.kind!].result]: r } : {})),
    ...(out.partialErrors.length && req['partialFailure'] === true ? { partialFailureError: statusJsonOf(out.partialErrors, ctx.requestId) } : {}),
  };
}

function mutateOf(kind: MutateKind) {
  return (ctx: HandlerContext, req: Json): Json => {
    const list = (req['operations'] as Json[] | undefined) ?? [];
    const out = runOperations(
      ctx.world,
      ctx.customer!,
      list.map((op) => ({ kind, op })),
      (i) => [['operations', i]],
      {
        partialFailure: req['partialFailure'] === true,
        validateOnly: req['validateOnly'] === true,
        fullResource: req['responseContentType'] === 'MUTABLE_RESOURCE',
        listField: 'operations',
      },
    );
    return {
      results: out.results.map((r) => r ?? {}),
      ...(out.partialErrors.length && req['partialFailure'] === true ? { partialFailureError: statusJsonOf(out.partialErrors, ctx.requestId) } : {}),
    };
  };
}

const customerIdOfBatch = (req: Json) => /^customers\/([^/]*)\//.exec(str(req['resourceName']))?.[1] ?? '';

function batchJob(ctx: HandlerContext, req: Json): BatchJobRecord {
  const rn = str(req['resourceName']);
  const job = ctx.batchJobs.get(rn);
  if (!job || job.customerId !== ctx.customer!.id) {
    throw adsError('mutateError.RESOURCE_NOT_FOUND', `Batch job ${rn} was not found.`, { path: ['resource_name'], trigger: rn });
  }
  return job;
}

/** Every method the emulator serves, gRPC and REST alike. */
export const METHODS: readonly MethodSpec[] = [
  {
    key: 'GoogleAdsService.Search',
    service: 'GoogleAdsService',
    method: 'Search',
    requestType: S('SearchGoogleAdsRequest'),
    responseType: S('SearchGoogleAdsResponse'),
    serverStream: false,
    customerIdOf: (r) => str(r['customerId']),
    run: (ctx, req) => {
      // Every answer fits on one page, so no page token the client sends was ever issued.
      if (str(req['pageToken']) !== '') {
        throw adsError('requestError.INVALID_PAGE_TOKEN', 'The page token was not issued by this server.', { path: ['page_token'], trigger: str(req['pageToken']) });
      }
      if (req['pageSize'] !== undefined && Number(req['pageSize']) !== 0) {
        throw adsError('requestError.PAGE_SIZE_NOT_SUPPORTED', 'Setting a page size is not supported; pages hold 10,000 rows.', { path: ['page_size'] });
      }
      const { rows, fieldMask } = runQuery(ctx, req);
      return { results: rows, fieldMask, ...(req['searchSettings'] && (req['searchSettings'] as Json)['returnTotalResultsCount'] ? { totalResultsCount: String(rows.length) } : {}) };
    },
  },
  {
    key: 'GoogleAdsService.SearchStream',
    service: 'GoogleAdsService',
    method: 'SearchStream',
    requestType: S('SearchGoogleAdsStreamRequest'),
    responseType: S('SearchGoogleAdsStreamResponse'),
    serverStream: true,
    customerIdOf: (r) => str(r['customerId']),
    run: runQuery,
  },
  {
    key: 'GoogleAdsService.Mutate',
    service: 'GoogleAdsService',
    method: 'Mutate',
    requestType: S('MutateGoogleAdsRequest'),
    responseType: S('MutateGoogleAdsResponse'),
    serverStream: false,
    customerIdOf: (r) => str(r['customerId']),
    run: mutateGoogleAds,
  },
  {
    key: 'CampaignService.MutateCampaigns',
    service: 'CampaignService',
    method: 'MutateCampaigns',
    requestType: S('MutateCampaignsRequest'),
    responseType: S('MutateCampaignsResponse'),
    serverStream: false,
    customerIdOf: (r) => str(r['customerId']),
    run: mutateOf('campaignOperation'),
  },
  {
    key: 'CampaignBudgetService.MutateCampaignBudgets',
    service: 'CampaignBudgetService',
    method: 'MutateCampaignBudgets',
    requestType: S('MutateCampaignBudgetsRequest'),
    responseType: S('MutateCampaignBudgetsResponse'),
    serverStream: false,
    customerIdOf: (r) => str(r['customerId']),
    run: mutateOf('campaignBudgetOperation'),
  },
  {
    key: 'AdGroupService.MutateAdGroups',
    service: 'AdGroupService',
    method: 'MutateAdGroups',
    requestType: S('MutateAdGroupsRequest'),
    responseType: S('MutateAdGroupsResponse'),
    serverStream: false,
    customerIdOf: (r) => str(r['customerId']),
    run: mutateOf('adGroupOperation'),
  },
  {
    key: 'CustomerService.ListAccessibleCustomers',
    service: 'CustomerService',
    method: 'ListAccessibleCustomers',
    requestType: S('ListAccessibleCustomersRequest'),
    responseType: S('ListAccessibleCustomersResponse'),
    serverStream: false,
    customerIdOf: null,
    run: (ctx) => ({ resourceNames: ctx.user.access.map((id) => `customers/${id}`) }),
  },
  {
    key: 'BatchJobService.MutateBatchJob',
    service: 'BatchJobService',
    method: 'MutateBatchJob',
    requestType: S('MutateBatchJobRequest'),
    responseType: S('MutateBatchJobResponse'),
    serverStream: false,
    customerIdOf: (r) => str(r['customerId']),
    run: (ctx, req) => {
      const op = (req['operation'] as Json | undefined) ?? {};
      const cid = ctx.customer!.id;
      if (op['remove'] !== undefined) {
        const job = batchJob(ctx, { resourceName: op['remove'] });
        if (job.status !== 'PENDING') throw adsError('batchJobError.CAN_ONLY_REMOVE_PENDING_JOB', 'Only a job that has not run can be removed.', { path: ['operation', 'remove'] });
        ctx.batchJobs.delete(str(op['remove']));
        return { result: { resourceName: str(op['remove']) } };
      }
      if (op['create'] === undefined) throw adsError('requestError.OPERATION_REQUIRED', 'The operation has no create or remove.', { path: ['operation'] });
      const id = ctx.world.newId();
      const rn = `customers/${cid}/batchJobs/${id}`;
      ctx.batchJobs.set(rn, { customerId: cid, id, operations: [], status: 'PENDING', results: null });
      return { result: { resourceName: rn } };
    },
  },
  {
    key: 'BatchJobService.AddBatchJobOperations',
    service: 'BatchJobService',
    method: 'AddBatchJobOperations',
    requestType: S('AddBatchJobOperationsRequest'),
    responseType: S('AddBatchJobOperationsResponse'),
    serverStream: false,
    customerIdOf: customerIdOfBatch,
    run: (ctx, req) => {
      const job = batchJob(ctx, req);
      if (job.status !== 'PENDING') throw adsError('batchJobError.CANNOT_MODIFY_JOB_AFTER_JOB_STARTS_RUNNING', 'Operations cannot be added once the job has started.');
      const token = str(req['sequenceToken']);
      if (job.operations.length > 0 && token !== String(job.operations.length)) {
        throw adsError('batchJobError.INVALID_SEQUENCE_TOKEN', 'The sequence token does not match the last one returned.', { path: ['sequence_token'], trigger: token });
      }
      const ops = (req['mutateOperations'] as Json[] | undefined) ?? [];
      if (ops.length === 0) throw adsError('batchJobError.EMPTY_OPERATIONS', 'No operations were given.', { path: ['mutate_operations'] });
      job.operations.push(...ops);
      return { totalOperations: String(job.operations.length), nextSequenceToken: String(job.operations.length) };
    },
  },
  {
    key: 'BatchJobService.RunBatchJob',
    service: 'BatchJobService',
    method: 'RunBatchJob',
    requestType: S('RunBatchJobRequest'),
    responseType: 'google.longrunning.Operation',
    serverStream: false,
    customerIdOf: customerIdOfBatch,
    run: (ctx, req) => {
      const job = batchJob(ctx, req);
      if (job.status !== 'PENDING') throw adsError('batchJobError.CANNOT_MODIFY_JOB_AFTER_JOB_STARTS_RUNNING', 'The job has already been run.');
      if (job.operations.length === 0) throw adsError('batchJobError.EMPTY_OPERATIONS', 'The job has no operations.');
      // Runs at once: every operation on its own, as a batch job does (one bad operation does not stop the others).
      job.status = 'DONE';
      job.results = job.operations.map((m, i) => {
        const kind = (Object.keys(MUTATE_KINDS) as MutateKind[]).find((k) => m[k] !== undefined) ?? null;
        try {
          const out = runOperations(ctx.world, ctx.customer!, [{ kind, op: kind ? (m[kind] as Json) : {} }], () => [['mutate_operations', i], ...(kind ? [MUTATE_KINDS[kind].proto] : [])], {
            partialFailure: true,
            validateOnly: false,
            fullResource: false,
            listField: 'mutate_operations',
          });
          const r = out.results[0];
          return r && kind
            ? { operationIndex: String(i), mutateOperationResponse: { [MUTATE_KINDS[kind].result]: r } }
            : { operationIndex: String(i), status: statusJsonOf(out.partialErrors, ctx.requestId) };
        } catch (e) {
          if (!(e instanceof EmulatorFailure)) throw e;
          return { operationIndex: String(i), status: statusJsonOf(e.errors, ctx.requestId) };
        }
      });
      return { name: `customers/${job.customerId}/operations/${job.id}`, done: true };
    },
  },
  {
    key: 'BatchJobService.ListBatchJobResults',
    service: 'BatchJobService',
    method: 'ListBatchJobResults',
    requestType: S('ListBatchJobResultsRequest'),
    responseType: S('ListBatchJobResultsResponse'),
    serverStream: false,
    customerIdOf: customerIdOfBatch,
    run: (ctx, req) => {
      const job = batchJob(ctx, req);
      if (job.status !== 'DONE' || !job.results) throw adsError('batchJobError.RESULTS_NOT_READY', 'The job has not finished; results are not ready.');
      return { results: job.results };
    },
  },
];

/** The method with this key (`GoogleAdsService.Search`), or undefined. */
export function methodByKey(key: string): MethodSpec | undefined {
  return METHODS.find((m) => m.key === key);
}

