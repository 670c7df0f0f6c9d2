/**
 * The service descriptors the emulator serves, loaded once from the generated, gzipped
 * FileDescriptorSet beside `gen/services-meta.ts`. Both transports (gRPC and REST) take their
 * message schemas from this one registry, so they agree on every field.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { createFileRegistry, createRegistry, fromBinary, type DescMessage, type DescService, type FileRegistry, type Registry } from '@bufbuild/protobuf';
import { FileDescriptorSetSchema } from '@bufbuild/protobuf/wkt';
import { GoogleAdsFailureSchema } from '../gen/newest-errors.js';
import { SERVICES_API_VERSION, SERVICES_DESCRIPTOR_FILE } from '../gen/services-meta.js';

/** API version of the served services, e.g. `v25`. */
export const API_VERSION = SERVICES_API_VERSION;
/** Proto package prefix of that version: `google.ads.googleads.v25`. */
export const ADS_PACKAGE = `google.ads.googleads.${API_VERSION}`;

let registry: FileRegistry | undefined;

/**
 * The registry of every message, enum and service in the descriptor set. The file is looked up
 * relative to this module, which works from `src/emulator/` (tsx) and `dist/emulator/` (built,
 * with the .gz copied to `dist/gen/`) alike. Throws if the file is missing: the emulator cannot
 * run without it.
 */
export function servicesRegistry(): FileRegistry {
  if (registry) return registry;
  const url = new URL(`../gen/${SERVICES_DESCRIPTOR_FILE}`, import.meta.url);
  const set = fromBinary(FileDescriptorSetSchema, gunzipSync(readFileSync(url)));
  registry = createFileRegistry(set);
  return registry;
}

/** A message schema by its name relative to the Ads package (`services.SearchGoogleAdsRequest`) or fully qualified. */
export function messageSchema(name: string): DescMessage {
  const reg = servicesRegistry();
  const desc = reg.getMessage(name.startsWith('google.') ? name : `${ADS_PACKAGE}.${name}`);
  if (!desc) throw new Error(`emulator: message ${name} is not in the descriptor set`);
  return desc;
}

/** A service by its short name (`GoogleAdsService`). */
export function serviceSchema(name: string): DescService {
  const desc = servicesRegistry().getService(`${ADS_PACKAGE}.services.${name}`);
  if (!desc) throw new Error(`emulator: service ${name} is not in the descriptor set`);
  return desc;
}

let jsonReg: Registry | undefined;

/**
 * The registry for proto JSON: the services plus GoogleAdsFailure, which the services only
 * reach through `google.protobuf.Any` (partial failures, batch job results).
 */
export function jsonRegistry(): Registry {
  return (jsonReg ??= createRegistry(servicesRegistry(), GoogleAdsFailureSchema));
}
