import { createRng } from '../../src/lib';

/**
 * n seeded values in [−1, 1) (a matrix for the kernel tests), about 5 % of them exact zeros;
 * with `special`, about 3 % are −0, NaN, ±∞, a subnormal or a huge value instead.
 */
export function randomMatrix(n: number, seed: number, special = false): Float64Array {
  const u = createRng(seed);
  const specials = [0, -0, NaN, Infinity, -Infinity, 1e-310, 1e300];
  return Float64Array.from({ length: n }, () => {
    const r = u();
    if (r < 0.05) return 0;
    if (special && r < 0.08) return specials[Math.floor(u() * specials.length)];
    return 2 * u() - 1;
  });
}
