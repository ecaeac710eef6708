/**
 * JSON-safe packing of the numbers in a view computed at build time (an island's props).
 * JSON has no NaN or ±∞, so those travel as strings; finite numbers keep `digits`
 * significant digits, which keeps the page small. The server and the browser both render
 * `unpack(pack(view))`, so the hydrated markup matches exactly.
 */

/** T as JSON carries it: every number, also inside arrays and objects, may be a string. */
type Packed<T> = T extends number ? number | string : T extends object ? { [K in keyof T]: Packed<T[K]> } : T;

/** T with the fields K packed; the other fields travel as they are. */
export type PackedFields<T, K extends keyof T> = Omit<T, K> & { [P in K]: Packed<T[P]> };

export const packNumber = (v: number, digits: number): Packed<number> =>
  Number.isFinite(v) ? Number(v.toPrecision(digits)) : String(v);
export const packArray = (a: readonly number[], digits: number) => a.map((v) => packNumber(v, digits));
export const unpackArray = (a: readonly Packed<number>[]) => a.map(Number);
