/**
 * Counts strings by a 64-bit hash in typed arrays: about 12 bytes a key instead of ~80 for a Set of strings,
 * so duplicate-id detection and occurrence counters over a million rows stay a few megabytes.
 * Two different strings sharing all 64 bits is vanishingly rare (≈3·10⁻⁸ for a million keys).
 */

// hash64 writes its two halves here instead of returning an array: one allocation less per row.
let hashHi = 0;
let hashLo = 0;

/** Two independent 32-bit hashes (FNV-1a and a Murmur-style mix) of a string's UTF-16 code units. */
export function hash64(text: string): [number, number] {
  hashInto(text);
  return [hashHi, hashLo];
}

function hashInto(text: string): void {
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ text.length;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  b = Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
  b ^= b >>> 16;
  hashHi = a >>> 0;
  hashLo = b >>> 0;
}

/** Open-addressing table of 64-bit string hashes → occurrence count and a value kept from the first one. */
export class HashCounter {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private counts: Uint32Array;
  private firsts: Uint32Array;
  private size = 0;
  // Reused answer object: read it before the next add().
  private readonly result = { count: 0, first: 0 };

  constructor(initialCapacity = 1 << 14) {
    const capacity = 1 << Math.ceil(Math.log2(Math.max(16, initialCapacity)));
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.counts = new Uint32Array(capacity);
    this.firsts = new Uint32Array(capacity);
  }

  /**
   * Counts one more occurrence of text; returns the new count (1 the first time) and the value stored with
   * the first occurrence (a line number). The answer object is reused by the next call.
   */
  add(text: string, first = 0): { count: number; first: number } {
    if ((this.size + 1) * 2 > this.hi.length) this.grow();
    hashInto(text);
    const h = hashHi, l = hashLo;
    const slot = this.find(h, l);
    if (this.counts[slot] === 0) {
      this.hi[slot] = h;
      this.lo[slot] = l;
      this.firsts[slot] = first;
      this.size += 1;
    }
    this.counts[slot] += 1;
    this.result.count = this.counts[slot];
    this.result.first = this.firsts[slot];
    return this.result;
  }

  private find(h: number, l: number): number {
    const mask = this.hi.length - 1;
    let slot = (l ^ Math.imul(h, 0x9e3779b1)) & mask;
    while (this.counts[slot] !== 0 && (this.hi[slot] !== h || this.lo[slot] !== l)) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const { hi, lo, counts, firsts } = this;
    const capacity = hi.length * 2;
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.counts = new Uint32Array(capacity);
    this.firsts = new Uint32Array(capacity);
    for (let i = 0; i < hi.length; i += 1) {
      if (counts[i] === 0) continue;
      const slot = this.find(hi[i], lo[i]);
      this.hi[slot] = hi[i];
      this.lo[slot] = lo[i];
      this.counts[slot] = counts[i];
      this.firsts[slot] = firsts[i];
    }
  }
}
