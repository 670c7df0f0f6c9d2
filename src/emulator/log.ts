/**
 * The request log: one entry per answered call, in the order the answers were decided, so a
 * test (or a person reading `--log` output) can see exactly what the emulator did.
 */

export interface RequestLogEntry {
  /** 1, 2, 3… in the order calls arrived. */
  readonly seq: number;
  readonly requestId: string;
  /** ISO time the call arrived. */
  readonly time: string;
  readonly transport: 'grpc' | 'rest';
  /** `GoogleAdsService.Search`, `OAuth.Token`, … */
  readonly method: string;
  readonly customerId: string | null;
  /** gRPC status code of the answer; 0 for success. */
  readonly code: number;
  readonly codeName: string;
  /** HTTP status sent (REST only). */
  readonly httpStatus: number | null;
  /** Ads error codes of the failure (`authorizationError.USER_PERMISSION_DENIED`), partial failures included. */
  readonly errors: readonly string[];
  /** Fault clauses that fired, or empty. */
  readonly faults: readonly string[];
  /** Rows returned (Search, SearchStream), else null. */
  readonly rows: number | null;
  readonly durationMs: number;
}

type Listener = (e: RequestLogEntry) => void;

/** An append-only list of entries with listeners. Bounded, so a long-running emulator does not grow without end. */
export class RequestLog {
  private readonly list: RequestLogEntry[] = [];
  private readonly listeners = new Set<Listener>();
  private dropped = 0;

  constructor(private readonly max = 100_000) {}

  /** Entries kept so far (the oldest are dropped beyond the bound). */
  get entries(): readonly RequestLogEntry[] {
    return this.list;
  }

  /** How many entries were dropped because of the bound. */
  get droppedCount(): number {
    return this.dropped;
  }

  /** Appends an entry and tells the listeners (synchronously, in order). */
  add(e: RequestLogEntry): void {
    this.list.push(e);
    if (this.list.length > this.max) {
      this.list.shift();
      this.dropped++;
    }
    for (const l of this.listeners) l(e);
  }

  /** Calls `fn` for every later entry; returns the function that stops it. */
  onEntry(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Forgets the entries (listeners stay). */
  clear(): void {
    this.list.length = 0;
  }
}
