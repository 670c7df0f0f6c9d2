/**
 * `ads-errors/emulator`: a local Google Ads API (gRPC and REST) that fails like the real one,
 * on demand. The core of the package never imports this entry.
 */
export { startEmulator, loadScenario, type EmulatorOptions, type RunningEmulator } from './emulator.js';
export type { Scenario, ScenarioRule } from './engine.js';
export { parseFaultSpec, FaultSpecError, type FaultClause } from './faults.js';
export type { RequestLog, RequestLogEntry } from './log.js';
export { defaultWorldSeed, IDS, TOKENS, type WorldSeed } from './world.js';
export { grpcServiceDefinitions, grpcPath, failureTrailers } from './grpc-server.js';
export { FAILURE_TRAILER_KEY, FAILURE_TYPE_URL } from './failure.js';
export { METHODS, type MethodSpec } from './api.js';
export { EMULATOR_CA_PEM } from './tls-identity.js';
