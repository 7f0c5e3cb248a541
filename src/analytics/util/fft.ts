/**
 * Radix-2 complex FFT and a 2D real convolution built on it. Kernel density with a wide kernel is a
 * convolution of binned counts with a kernel stencil; past a few hundred stencil cells the FFT
 * (O(N log N)) beats stamping the stencil on every occupied cell (O(cells × stencil)).
 */

/** In-place iterative radix-2 FFT on separate real/imaginary arrays of power-of-two length. */
export function fft(re: Float64Array, im: Float64Array, inverse = false): void {
  const n = re.length;
  if ((n & (n - 1)) !== 0) throw new RangeError(`FFT length must be a power of two, got ${n}`);
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      let t = re[i];
      re[i] = re[j];
      re[j] = t;
      t = im[i];
      im[i] = im[j];
      im[j] = t;
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const angle = ((inverse ? 2 : -2) * Math.PI) / len;
    const wr = Math.cos(angle);
    const wi = Math.sin(angle);
    const half = len >> 1;
    for (let start = 0; start < n; start += len) {
      let cr = 1;
      let ci = 0;
      for (let k = 0; k < half; k++) {
        const a = start + k;
        const b = a + half;
        const tr = re[b] * cr - im[b] * ci;
        const ti = re[b] * ci + im[b] * cr;
        re[b] = re[a] - tr;
        im[b] = im[a] - ti;
        re[a] += tr;
        im[a] += ti;
        const ncr = cr * wr - ci * wi;
        ci = cr * wi + ci * wr;
        cr = ncr;
      }
    }
  }
  if (inverse) {
    for (let i = 0; i < n; i++) {
      re[i] /= n;
      im[i] /= n;
    }
  }
}

function nextPow2(n: number): number {
  let p = 1;
  while (p < n) p <<= 1;
  return p;
}

/** 2D FFT over a row-major P×Q complex array (rows of length q). */
function fft2d(re: Float64Array, im: Float64Array, p: number, q: number, inverse: boolean): void {
  const rowRe = new Float64Array(q);
  const rowIm = new Float64Array(q);
  for (let r = 0; r < p; r++) {
    rowRe.set(re.subarray(r * q, r * q + q));
    rowIm.set(im.subarray(r * q, r * q + q));
    fft(rowRe, rowIm, inverse);
    re.set(rowRe, r * q);
    im.set(rowIm, r * q);
  }
  const colRe = new Float64Array(p);
  const colIm = new Float64Array(p);
  for (let c = 0; c < q; c++) {
    for (let r = 0; r < p; r++) {
      colRe[r] = re[r * q + c];
      colIm[r] = im[r * q + c];
    }
    fft(colRe, colIm, inverse);
    for (let r = 0; r < p; r++) {
      re[r * q + c] = colRe[r];
      im[r * q + c] = colIm[r];
    }
  }
}

/**
 * Convolves a row-major nx×ny field with a centred (2r+1)×(2r+1) stencil, returning an nx×ny field
 * ("same" size, zero outside). Uses the FFT with zero padding, so there is no wrap-around.
 */
export function convolve2dFft(field: Float64Array, nx: number, ny: number, stencil: Float64Array, radius: number): Float64Array {
  const side = 2 * radius + 1;
  const q = nextPow2(nx + side - 1);
  const p = nextPow2(ny + side - 1);
  const aRe = new Float64Array(p * q);
  const aIm = new Float64Array(p * q);
  const bRe = new Float64Array(p * q);
  const bIm = new Float64Array(p * q);
  for (let iy = 0; iy < ny; iy++) aRe.set(field.subarray(iy * nx, iy * nx + nx), iy * q);
  for (let sy = 0; sy < side; sy++) {
    for (let sx = 0; sx < side; sx++) bRe[sy * q + sx] = stencil[sy * side + sx];
  }
  fft2d(aRe, aIm, p, q, false);
  fft2d(bRe, bIm, p, q, false);
  for (let i = 0; i < p * q; i++) {
    const r = aRe[i] * bRe[i] - aIm[i] * bIm[i];
    aIm[i] = aRe[i] * bIm[i] + aIm[i] * bRe[i];
    aRe[i] = r;
  }
  fft2d(aRe, aIm, p, q, true);
  const out = new Float64Array(nx * ny);
  for (let iy = 0; iy < ny; iy++) {
    for (let ix = 0; ix < nx; ix++) out[iy * nx + ix] = aRe[(iy + radius) * q + ix + radius];
  }
  return out;
}
