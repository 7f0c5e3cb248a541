/**
 * Decoding of the binary columns the event loader asks PostgreSQL for. `string_agg(float8send(x), '')`
 * returns every value of a column as one bytea of big-endian doubles: one value to transfer and parse
 * instead of one JavaScript object per row, which is what makes loading a city's incidents affordable on
 * PGlite (where row objects cost several microseconds each).
 */

/** PGlite hands back a Uint8Array, node-postgres a Buffer (a Uint8Array too); null when no rows matched. */
export type ByteaValue = Uint8Array | null;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Big-endian float8 values → Float64Array (empty for null). */
export function decodeFloat64(bytes: ByteaValue, expected: number): Float64Array {
  const out = new Float64Array(expected);
  if (!bytes) return out;
  if (bytes.byteLength !== expected * 8) throw new Error(`binary column has ${bytes.byteLength} bytes, expected ${expected * 8}`);
  const v = view(bytes);
  for (let i = 0; i < expected; i++) out[i] = v.getFloat64(i * 8, false);
  return out;
}

/** Big-endian int4 values → Int32Array (empty for null). */
export function decodeInt32(bytes: ByteaValue, expected: number): Int32Array {
  const out = new Int32Array(expected);
  if (!bytes) return out;
  if (bytes.byteLength !== expected * 4) throw new Error(`binary column has ${bytes.byteLength} bytes, expected ${expected * 4}`);
  const v = view(bytes);
  for (let i = 0; i < expected; i++) out[i] = v.getInt32(i * 4, false);
  return out;
}

