import { describe, expect, it } from 'vitest';
import { HashCounter, hash64 } from './hash-counter.js';

describe('HashCounter', () => {
  it('counts occurrences and remembers the first value, through growth', () => {
    const counter = new HashCounter(16);
    for (let i = 0; i < 5000; i += 1) expect(counter.add(`id-${i}`, i + 2).count).toBe(1);
    const again = counter.add('id-1234', 99);
    expect({ ...again }).toEqual({ count: 2, first: 1236 });
    expect(counter.add('id-1234').count).toBe(3);
    expect(counter.add('id-5000').count).toBe(1);
  });

  it('hashes deterministically into two 32-bit halves', () => {
    expect(hash64('abc')).toEqual(hash64('abc'));
    expect(hash64('abc')).not.toEqual(hash64('abd'));
    for (const half of hash64('x')) expect(half >>> 0).toBe(half);
  });
});
