/**
 * The register-tiled distance code shared by the Lloyd kernels (../lloyd.ts, ../elkan.ts) and the
 * k-NN scores (../knnScores.ts): not a kernel itself (scripts/build-kernels.mjs compiles only the
 * files one folder up, each with what it imports from here). Memory layout and the norm
 * expansion: see ../lloyd.ts.
 */

/** acc + x * c, lane by lane. */
export function madd(acc: v128, x: v128, c: v128): v128 {
  return f32x4.add(acc, f32x4.mul(x, c));
}

/** The upper two float32 lanes moved down, so promote_low can widen them to float64. */
export function highHalf(v: v128): v128 {
  return i8x16.shuffle(v, v, 8, 9, 10, 11, 12, 13, 14, 15, 8, 9, 10, 11, 12, 13, 14, 15);
}

/**
 * Distances (up to the common |x|^2) of `tile` points (1 or 2) starting at address xp to every
 * centroid, into SCRATCH: 16 centroids at a time, then 4 at a time for the rest.
 */
export function distances(xp: usize, tile: i32, CT: usize, CN: usize, SCRATCH: usize, dp: i32, kp: i32): void {
  distanceColumns(xp, tile, CT, CN, SCRATCH, dp, kp, 0, kp);
}

/**
 * `distances` restricted to centroids c0 <= c < c1 (multiples of 4), written at the same places
 * in SCRATCH: each centroid's lane adds the same products in the same order, so a caller that
 * covers 0..kp in column blocks (one block of CT kept in cache for many points) gets the same
 * floats bit for bit.
 */
export function distanceColumns(xp: usize, tile: i32, CT: usize, CN: usize, SCRATCH: usize, dp: i32, kp: i32, c0: i32, c1: i32): void {
  const rowBytes = (<usize>dp) << 2;
  const ctRowBytes = (<usize>kp) << 2;
  const second = tile > 1 ? rowBytes : 0; // a 1-point tile computes its one point twice
  let c = c0;
  for (; c + 16 <= c1; c += 16) {
    const cn = CN + ((<usize>c) << 2);
    let a0 = v128.load(cn);
    let a1 = v128.load(cn, 16);
    let a2 = v128.load(cn, 32);
    let a3 = v128.load(cn, 48);
    let b0 = a0;
    let b1 = a1;
    let b2 = a2;
    let b3 = a3;
    let x = xp;
    let ct = CT + ((<usize>c) << 2);
    for (let j = 0; j < dp; j++) {
      const x0 = v128.load32_splat(x);
      const x1 = v128.load32_splat(x + second);
      const c0 = v128.load(ct);
      const c1 = v128.load(ct, 16);
      const c2 = v128.load(ct, 32);
      const c3 = v128.load(ct, 48);
      a0 = madd(a0, x0, c0);
      a1 = madd(a1, x0, c1);
      a2 = madd(a2, x0, c2);
      a3 = madd(a3, x0, c3);
      b0 = madd(b0, x1, c0);
      b1 = madd(b1, x1, c1);
      b2 = madd(b2, x1, c2);
      b3 = madd(b3, x1, c3);
      x += 4;
      ct += ctRowBytes;
    }
    const out0 = SCRATCH + ((<usize>c) << 2);
    v128.store(out0, a0);
    v128.store(out0, a1, 16);
    v128.store(out0, a2, 32);
    v128.store(out0, a3, 48);
    const out1 = out0 + ctRowBytes;
    v128.store(out1, b0);
    v128.store(out1, b1, 16);
    v128.store(out1, b2, 32);
    v128.store(out1, b3, 48);
  }
  for (; c < c1; c += 4) {
    let a = v128.load(CN + ((<usize>c) << 2));
    let b = a;
    let x = xp;
    let ct = CT + ((<usize>c) << 2);
    for (let j = 0; j < dp; j++) {
      const cv = v128.load(ct);
      a = madd(a, v128.load32_splat(x), cv);
      b = madd(b, v128.load32_splat(x + second), cv);
      x += 4;
      ct += ctRowBytes;
    }
    const out0 = SCRATCH + ((<usize>c) << 2);
    v128.store(out0, a);
    v128.store(out0 + ctRowBytes, b);
  }
}

/**
 * Point i (at address x, distances in SCRATCH row p): its nearest of the k real centroids (ties
 * to the lower index), written to ASSIGN and COUNTS, its row added into SUMS32. Returns its
 * squared distance to that centroid from explicit differences, as 4 float32 lanes.
 */
export function assignAndAccumulate(
  i: i32,
  x: usize,
  scratchRow: usize,
  C: usize,
  ASSIGN: usize,
  COUNTS: usize,
  SUMS32: usize,
  dp: i32,
  k: i32,
): v128 {
  let best = Infinity as f32;
  let nearest = 0;
  for (let c = 0; c < k; c++) {
    const v = load<f32>(scratchRow + ((<usize>c) << 2));
    if (v < best) {
      best = v;
      nearest = c;
    }
  }
  store<i32>(ASSIGN + ((<usize>i) << 2), nearest);
  const count = COUNTS + ((<usize>nearest) << 2);
  store<i32>(count, load<i32>(count) + 1);
  const rowBytes = (<usize>dp) << 2;
  let sum = SUMS32 + <usize>nearest * rowBytes;
  let mu = C + <usize>nearest * rowBytes;
  let px = x;
  let squares = f32x4.splat(0);
  for (let j = 0; j < dp; j += 4) {
    const xv = v128.load(px);
    const diff = f32x4.sub(xv, v128.load(mu));
    squares = madd(squares, diff, diff);
    v128.store(sum, f32x4.add(v128.load(sum), xv));
    px += 16;
    sum += 16;
    mu += 16;
  }
  return squares;
}

/**
 * SUMS64 += SUMS32 and SUMS32 = 0 over `floats` values (a multiple of 4): the caller flushes
 * after every chunk of points, which bounds the float32 rounding of the sums.
 */
export function flush(SUMS32: usize, SUMS64: usize, floats: i32): void {
  let a = SUMS32;
  let b = SUMS64;
  for (let q = 0; q < floats; q += 4) {
    const v = v128.load(a);
    v128.store(b, f64x2.add(v128.load(b), f64x2.promote_low_f32x4(v)));
    v128.store(b, f64x2.add(v128.load(b, 16), f64x2.promote_low_f32x4(highHalf(v))), 16);
    v128.store(a, f32x4.splat(0));
    a += 16;
    b += 32;
  }
}
