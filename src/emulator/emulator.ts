/**
 * `startEmulator()`: the local Google Ads API emulator, gRPC and REST, sharing one world,
 * one fault engine and one request log.
 */
import { readFile } from 'node:fs/promises';
import { Engine, type Scenario } from './engine.js';
import { startGrpcServer } from './grpc-server.js';
import { startHttpServer } from './http-server.js';
import type { RequestLog } from './log.js';
import type { World, WorldSeed } from './world.js';
import { API_VERSION } from './descriptors.js';
import { attachProxy } from './proxy.js';
import { EMULATOR_CA_PEM } from './tls-identity.js';

export interface EmulatorOptions {
  /** gRPC port; 0 (the default) picks a free one; null serves no gRPC. */
  readonly grpcPort?: number | null;
  /** REST port; 0 (the default) picks a free one; null serves no REST. */
  readonly httpPort?: number | null;
  /** Interface to listen on; loopback by default. */
  readonly host?: string;
  /** Seed of request ids and `chance=` draws. Default: the scenario's, else 1. */
  readonly seed?: number;
  /** A scenario object, or the path of a JSON scenario file. */
  readonly scenario?: Scenario | string;
  /** Replaces the default world. */
  readonly world?: WorldSeed;
  /** Rows per SearchStream message (default 10,000, as the live API). */
  readonly streamBatchRows?: number;
  /** Lifetime of access tokens issued by `/token`, in ms (default 3,599,000, as Google's). */
  readonly accessTokenLifetimeMs?: number;
  /**
   * The clock for token expiry, account readiness and log times (ms since epoch). Default
   * `Date.now`. Fault delays (`slow`, `deadline`) always use real timers.
   */
  readonly now?: () => number;
}

export interface RunningEmulator {
  /** `127.0.0.1:PORT`, for grpc-js clients (insecure credentials); null when gRPC is off. */
  readonly grpcAddress: string | null;
  /** `http://127.0.0.1:PORT`, the REST base (`${httpUrl}/v25/customers/…`); null when REST is off. */
  readonly httpUrl: string | null;
  /**
   * The same server as an HTTP proxy for clients that cannot be given an endpoint: set
   * `HTTPS_PROXY` to it and trust `caCertificate` (Node: `NODE_EXTRA_CA_CERTS`). Null when REST is off.
   */
  readonly proxyUrl: string | null;
  /** PEM of the CA behind the proxy's certificate. Trust it in test processes only. */
  readonly caCertificate: string;
  /** The API version served, e.g. `v25`. */
  readonly apiVersion: string;
  readonly log: RequestLog;
  /** The live world, for tests that look at or change state. */
  readonly world: World;
  readonly seed: number;
  /** Stops both servers; in-flight calls are cut. Resolves when both are closed. */
  close(): Promise<void>;
}

/** Reads a scenario file (JSON). Throws with the file name when it cannot. */
export async function loadScenario(path: string): Promise<Scenario> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as Scenario;
  } catch (e) {
    throw new Error(`cannot read scenario ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * Starts the emulator and resolves once both servers listen. Throws when a port is taken,
 * the scenario cannot be read, or a scenario fault spec is malformed.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const scenario = typeof options.scenario === 'string' ? await loadScenario(options.scenario) : options.scenario;
  const engine = new Engine({
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(scenario ? { scenario } : {}),
    ...(options.world ? { world: options.world } : {}),
    ...(options.streamBatchRows !== undefined ? { streamBatchRows: options.streamBatchRows } : {}),
    ...(options.accessTokenLifetimeMs !== undefined ? { accessTokenLifetimeMs: options.accessTokenLifetimeMs } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const host = options.host ?? '127.0.0.1';
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const grpc = options.grpcPort === null ? null : await startGrpcServer(engine, host, options.grpcPort ?? 0);
  let http: Awaited<ReturnType<typeof startHttpServer>> | null = null;
  try {
    http = options.httpPort === null ? null : await startHttpServer(engine, host, options.httpPort ?? 0);
  } catch (e) {
    grpc?.server.forceShutdown();
    throw e;
  }
  if (http) attachProxy(http.server, grpc ? { host, port: grpc.port } : null);
  let closed: Promise<void> | null = null;
  return {
    grpcAddress: grpc ? `${urlHost}:${grpc.port}` : null,
    httpUrl: http ? `http://${urlHost}:${http.port}` : null,
    proxyUrl: http ? `http://${urlHost}:${http.port}` : null,
    caCertificate: EMULATOR_CA_PEM,
    apiVersion: API_VERSION,
    log: engine.log,
    world: engine.world,
    seed: engine.seed,
    close: () =>
      (closed ??= Promise.all([
        grpc
          ? new Promise<void>((resolve) => {
              grpc.server.tryShutdown(() => resolve());
              // Streams held open by a client must not keep close() waiting.
              setTimeout(() => {
                grpc.server.forceShutdown();
                resolve();
              }, 500).unref();
            })
          : undefined,
        http
          ? new Promise<void>((resolve) => {
              http!.server.close(() => resolve());
              http!.server.closeAllConnections();
            })
          : undefined,
      ]).then(() => undefined)),
  };
}
