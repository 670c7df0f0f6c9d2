// Encode → decode round trips for every code of every API version, in binary and in proto3 JSON,
// using the protobuf types generated from that version's protos.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { create, toBinary, toJson, createRegistry } from '@bufbuild/protobuf';
import { anyPack } from '@bufbuild/protobuf/wkt';
import { API_VERSIONS, categories } from '../../src/catalog/catalog.js';
import { decode } from '../../src/decode/index.js';
import { StatusSchema } from '../../src/gen/pb/google/rpc/status_pb.js';

for (const version of API_VERSIONS) {
  test(`every ${version} code survives binary and JSON round trips`, async () => {
    const mod = (await import(`../../src/gen/pb/google/ads/googleads/${version}/errors/errors_pb.js`)) as Record<string, any>;
    const FailureSchema = mod.GoogleAdsFailureSchema;
    const registry = createRegistry(FailureSchema, StatusSchema);
    let checked = 0;
    for (const cat of categories()) {
      if (!cat.fieldNumbers[version]) continue;
      for (const code of cat.codes) {
        if (!code.versions.includes(version)) continue;
        const failure = create(FailureSchema, {
          errors: [
            {
              errorCode: { errorCode: { case: cat.category, value: code.number } },
              message: `m-${code.name}`,
              location: { fieldPathElements: [{ fieldName: 'operations', index: 4 }, { fieldName: 'create' }] },
            },
          ],
          requestId: `rid-${checked}`,
        });
        // Binary, as the gRPC trailer carries it.
        const bin = decode(toBinary(FailureSchema, failure), { apiVersion: version, bytesAre: 'failure' });
        assert.equal(bin.errors[0]?.code.key, `${cat.category}.${code.name}`, `${version} binary ${code.name}`);
        assert.equal(bin.errors[0]?.code.number, code.number);
        assert.equal(bin.errors[0]?.operationIndex, 4, `${version} ${cat.category}.${code.name} ${Buffer.from(toBinary(FailureSchema, failure)).toString("hex")}`);
        assert.equal(bin.requestId, `rid-${checked}`);
        // proto3 JSON inside a REST error body.
        const status = create(StatusSchema, { code: 3, message: 'bad', details: [anyPack(FailureSchema, failure)] });
        const body = { error: { ...(toJson(StatusSchema, status, { registry }) as object), status: 'INVALID_ARGUMENT' } };
        const rest = decode(JSON.stringify(body));
        assert.equal(rest.apiVersion, version);
        assert.equal(rest.errors[0]?.code.key, `${cat.category}.${code.name}`, `${version} json ${code.name}`);
        assert.equal(rest.errors[0]?.fieldPathText, 'operations[4].create');
        checked++;
      }
    }
    assert.ok(checked > 2000, `checked ${checked} codes`);
  });
}
