/**
 * A small, allocation-light protobuf wire reader for the handful of messages a failure is made
 * of (google.rpc.Status, GoogleAdsFailure and their details). It reads only what it is asked
 * for and never throws: a malformed buffer ends the read and sets `error`.
 *
 * Why not the reflective decoder of the protobuf runtime: a failure is decoded on every error
 * path, often inside retry loops, and the generic path costs several times more per message.
 */

const utf8 = new TextDecoder('utf-8', { fatal: false });

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_LEN = 2;
export const WIRE_FIXED32 = 5;

export class WireReader {
  pos: number;
  readonly end: number;
  /** Set when the buffer turned out to be malformed; reading stops there. */
  error: string | null = null;

  constructor(
    readonly buf: Uint8Array,
    start = 0,
    end = buf.length,
  ) {
    this.pos = start;
    this.end = end;
  }

  /** True while there is more to read and nothing went wrong. */
  more(): boolean {
    return this.error === null && this.pos < this.end;
  }

  private fail(why: string): number {
    if (this.error === null) this.error = `${why} at byte ${this.pos}`;
    this.pos = this.end;
    return 0;
  }

  /** Reads a tag; returns field number * 8 + wire type, or -1 on error. */
  tag(): number {
    const t = this.varint32();
    if (this.error !== null) return -1;
    if (t >>> 3 === 0) {
      this.fail('field number 0');
      return -1;
    }
    return t;
  }

  /** A varint as a uint32 (higher bits dropped, as protobuf does for int32 fields). */
  varint32(): number {
    const b = this.buf;
    let result = 0;
    let shift = 0;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) return this.fail('truncated varint');
      const byte = b[this.pos++]!;
      if (shift < 32) result |= (byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result >>> 0;
      shift += 7;
    }
    return this.fail('varint longer than 10 bytes');
  }

  /** A signed int32 varint (negative values are sent as 10-byte varints). */
  int32(): number {
    return this.varint32() | 0;
  }

  /** An int64 varint as a decimal string (exact for every value). */
  int64String(): string {
    const b = this.buf;
    let lo = 0;
    let hi = 0;
    let shift = 0;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) {
        this.fail('truncated varint');
        return '0';
      }
      const byte = b[this.pos++]!;
      if (shift < 28) lo |= (byte & 0x7f) << shift;
      else if (shift === 28) {
        lo |= (byte & 0x0f) << 28;
        hi |= (byte & 0x7f) >> 4;
      } else hi |= (byte & 0x7f) << (shift - 32);
      if ((byte & 0x80) === 0) {
        const v = (BigInt(hi | 0) << 32n) | BigInt(lo >>> 0);
        return (hi === 0 ? BigInt(lo >>> 0) : BigInt.asIntN(64, v)).toString();
      }
      shift += 7;
    }
    this.fail('varint longer than 10 bytes');
    return '0';
  }

  /** An int64 varint as a JS number (for durations' seconds: precise far beyond any real delay). */
  int64Number(): number {
    const s = this.int64String();
    return Number(s);
  }

  bool(): boolean {
    return this.varint32() !== 0;
  }

  /** Start and end of a length-delimited field's bytes; advances past them. */
  lenRange(): [number, number] {
    const len = this.varint32();
    if (this.error !== null) return [this.pos, this.pos];
    const start = this.pos;
    if (len > this.end - start) {
      this.fail(`length ${len} runs past the end`);
      return [start, start];
    }
    this.pos = start + len;
    return [start, start + len];
  }

  /** A reader over the next length-delimited field. */
  sub(): WireReader {
    const [s, e] = this.lenRange();
    return new WireReader(this.buf, s, e);
  }

  string(): string {
    const [s, e] = this.lenRange();
    return decodeUtf8(this.buf, s, e);
  }

  bytes(): Uint8Array {
    const [s, e] = this.lenRange();
    return this.buf.subarray(s, e);
  }

  double(): number {
    if (this.end - this.pos < 8) return this.fail('truncated double');
    const v = new DataView(this.buf.buffer, this.buf.byteOffset + this.pos, 8).getFloat64(0, true);
    this.pos += 8;
    return v;
  }

  float(): number {
    if (this.end - this.pos < 4) return this.fail('truncated float');
    const v = new DataView(this.buf.buffer, this.buf.byteOffset + this.pos, 4).getFloat32(0, true);
    this.pos += 4;
    return v;
  }

  /** Skips a field of this wire type. */
  skip(wireType: number): void {
    switch (wireType) {
      case WIRE_VARINT:
        this.varint32();
        return;
      case WIRE_FIXED64:
        if (this.end - this.pos < 8) this.fail('truncated fixed64');
        else this.pos += 8;
        return;
      case WIRE_LEN:
        this.lenRange();
        return;
      case WIRE_FIXED32:
        if (this.end - this.pos < 4) this.fail('truncated fixed32');
        else this.pos += 4;
        return;
      default:
        this.fail(`unsupported wire type ${wireType}`);
    }
  }

  /** Propagates a sub-reader's error to this reader. */
  absorb(sub: WireReader): void {
    if (sub.error !== null && this.error === null) this.error = sub.error;
  }
}

/** UTF-8 to string; ASCII (nearly every failure) without a TextDecoder call. */
export function decodeUtf8(buf: Uint8Array, start: number, end: number): string {
  // Node Buffers (what grpc-js hands out) have a native slice decoder, cheaper than both the
  // loop below and TextDecoder for all but the shortest strings.
  if (end - start > 12 && (buf as { utf8Slice?: unknown }).utf8Slice !== undefined) {
    return (buf as unknown as { utf8Slice(start: number, end: number): string }).utf8Slice(start, end);
  }
  if (end - start < 64) {
    let s = '';
    for (let i = start; i < end; i++) {
      const c = buf[i]!;
      if (c >= 0x80) return utf8.decode(buf.subarray(start, end));
      s += String.fromCharCode(c);
    }
    return s;
  }
  return utf8.decode(buf.subarray(start, end));
}

/** A google.protobuf.Duration message as milliseconds. */
export function readDurationMs(r: WireReader): number {
  let seconds = 0;
  let nanos = 0;
  while (r.more()) {
    const t = r.tag();
    if (t === 8) seconds = r.int64Number();
    else if (t === 16) nanos = r.int32();
    else if (t > 0) r.skip(t & 7);
  }
  return Math.round(seconds * 1000 + nanos / 1e6);
}
