/**
 * A tiny WebAssembly binary encoder: just the instructions, sections and structured loops the
 * kernels of this folder need. Instructions are plain byte arrays (`Code`), nested
 * freely and flattened when a module is assembled, so a kernel reads like the text format.
 * Opcodes are from the WebAssembly 2.0 core spec (SIMD: the 0xfd prefix, then a LEB128 index).
 */

/** Bytes of code, possibly nested. */
export type Code = number | readonly Code[];

export const I32 = 0x7f;
export const F64 = 0x7c;
export const V128 = 0x7b;
export type ValType = typeof I32 | typeof F64 | typeof V128;

/** Unsigned LEB128. */
function uleb(value: number): number[] {
  const out: number[] = [];
  let v = value >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

/** Signed LEB128 of a 32-bit integer. */
function sleb(value: number): number[] {
  const out: number[] = [];
  let v = value | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

export function flatten(code: Code, out: number[] = []): number[] {
  if (typeof code === 'number') out.push(code);
  else for (const c of code) flatten(c, out);
  return out;
}

/** A UTF-8 name (ASCII here) as a length-prefixed vector. */
function name(s: string): number[] {
  return [...uleb(s.length), ...Array.from(s, (ch) => ch.charCodeAt(0))];
}

/** Length-prefixed vector of already encoded items. */
function vec(items: number[][]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

// ---- Instructions -------------------------------------------------------------------------

const EMPTY_BLOCK = 0x40;
/** Memory access immediates: log2 of the alignment hint, then the byte offset. */
const memarg = (log2Align: number, offset: number): number[] => [log2Align, ...uleb(offset)];
const simd = (op: number): number[] => [0xfd, ...uleb(op)];

export const get = (local: number): Code => [0x20, ...uleb(local)];
export const set = (local: number, ...value: Code[]): Code => [value, 0x21, ...uleb(local)];

export const i32 = {
  const: (v: number): Code => [0x41, ...sleb(v)],
  add: 0x6a,
  sub: 0x6b,
  mul: 0x6c,
  and: 0x71,
  shl: 0x74,
  ltS: 0x48,
  ltU: 0x49,
  geS: 0x4e,
};

export const f64 = {
  /** f64.const: 8 little-endian bytes. */
  const: (v: number): Code => [0x44, ...new Uint8Array(new Float64Array([v]).buffer)],
  load: (offset = 0): Code => [0x2b, ...memarg(3, offset)],
  store: (offset = 0): Code => [0x39, ...memarg(3, offset)],
  add: 0xa0,
  sub: 0xa1,
  mul: 0xa2,
  abs: 0x99,
  lt: 0x63,
  /** NaN if either operand is NaN (as Math.max). */
  max: 0xa5,
};

/** Alignment hints are 8 bytes: rows of doubles are only 8-byte aligned in general. */
export const v128 = {
  load: (offset = 0): Code => [simd(0x00), memarg(3, offset)],
  /** Both lanes = the double at the address. */
  load64Splat: (offset = 0): Code => [simd(0x0a), memarg(3, offset)],
  /** [address, vector] → the vector with `lane` replaced by the double at the address. */
  load64Lane: (lane: number, offset = 0): Code => [simd(0x57), memarg(3, offset), lane],
  store: (offset = 0): Code => [simd(0x0b), memarg(3, offset)],
  /** [address, vector] → stores lane `lane` of the vector at the address. */
  store64Lane: (lane: number, offset = 0): Code => [simd(0x5b), memarg(3, offset), lane],
  zero: [simd(0x0c), new Array<number>(16).fill(0)] as Code,
  and: simd(0x4e),
};

export const f64x2 = {
  splat: simd(0x14),
  extractLane: (lane: number): Code => [simd(0x21), lane],
  abs: simd(0xec),
  add: simd(0xf0),
  sub: simd(0xf1),
  mul: simd(0xf2),
  /** Lane-wise a < b as all-ones / all-zeros lanes. */
  lt: simd(0x49),
  /** Lane-wise; NaN if either lane is NaN (as Math.max). */
  max: simd(0xf5),
};

/** select: [a, b, cond] → cond ≠ 0 ? a : b. */
export const select = 0x1b;

/** Indices first, first + 1, …, first + count − 1: consecutive parameters or locals. */
export const indices = (first: number, count: number): number[] => Array.from({ length: count }, (_, i) => first + i);

/** `count` locals of one type. */
export const repeat = (type: ValType, count: number): ValType[] => new Array<ValType>(count).fill(type);

/** i32 `a + b` of two locals (a byte address plus an offset). */
export const plus = (a: number, b: number): Code => [get(a), get(b), i32.add];

/** Byte address of double `index` of the array at byte address `base`: base + index·8. */
export const elementAt = (base: Code, index: Code): Code => [base, index, i32.const(3), i32.shl, i32.add];

/** `sum = sum + lane 0 of v + lane 1 of v` (f64), in that order: the scalar loop's order of additions. */
export const addLanes = (sum: number, v: number): Code => [
  set(sum, get(sum), get(v), f64x2.extractLane(0), f64.add),
  set(sum, get(sum), get(v), f64x2.extractLane(1), f64.add),
];

/** max(lane 0 of v, lane 1 of v, tail) (f64; NaN if any is NaN). */
export const maxOfLanes = (v: number, tail: number): Code => [
  get(v),
  f64x2.extractLane(0),
  get(v),
  f64x2.extractLane(1),
  f64.max,
  get(tail),
  f64.max,
];

/** Stores the f64 `values` at res[0], res[1], … (res a byte address in a local). */
export const storeResults = (res: number, values: readonly Code[]): Code =>
  values.map((value, i) => [get(res), value, f64.store(8 * i)]);

/** `local = local + step` (i32). */
export const inc = (local: number, step: Code): Code => set(local, get(local), step, i32.add);

/**
 * `for (v = start; v < end; v += step) body` with signed i32 compares; `end` is re-evaluated
 * every iteration (a local or a constant expression). Branch depths inside `body` are
 * relative to its own blocks, so loops nest freely.
 */
export function forLoop(v: number, start: Code, end: Code, step: Code, body: Code): Code {
  return [
    set(v, start),
    [0x02, EMPTY_BLOCK], // block: exit target
    [0x03, EMPTY_BLOCK], // loop: continue target
    get(v),
    end,
    i32.geS,
    [0x0d, 1], // br_if 1: leave when v ≥ end
    body,
    inc(v, step),
    [0x0c, 0], // br 0
    0x0b,
    0x0b,
  ];
}

/**
 * `if (ptr < end) do { body } while (ptr < end)` over byte pointers (unsigned compare):
 * the inner product loops, with the test at the bottom. `body` must advance `ptr`.
 */
export function pointerLoop(ptr: number, end: number, body: Code): Code {
  const below = [get(ptr), get(end), i32.ltU];
  return [below, [0x04, EMPTY_BLOCK], [0x03, EMPTY_BLOCK], body, below, [0x0d, 0], 0x0b, 0x0b];
}

/** `if (cond) body` where `cond` is an i32 expression. */
export function when(cond: Code, body: Code): Code {
  return [cond, [0x04, EMPTY_BLOCK], body, 0x0b];
}

// ---- Module -------------------------------------------------------------------------------

export interface FunctionDef {
  readonly name: string;
  readonly params: readonly ValType[];
  readonly locals: readonly ValType[];
  readonly body: Code;
}

function section(id: number, content: number[]): number[] {
  return [id, ...uleb(content.length), ...content];
}

/**
 * A module that imports its memory as `env.memory` (at least `minPages` pages of 64 KiB) and
 * exports `functions` by name; every function returns nothing.
 */
export function encodeModule(functions: readonly FunctionDef[], minPages = 1): Uint8Array<ArrayBuffer> {
  const types = functions.map((f) => [0x60, ...vec(f.params.map((t) => [t])), 0]);
  const imports = [[...name('env'), ...name('memory'), 0x02, 0x00, ...uleb(minPages)]];
  const exports = functions.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]);
  const bodies = functions.map((f) => {
    // Runs of equal types as (count, type) pairs.
    const runs: { count: number; type: ValType }[] = [];
    for (const type of f.locals) {
      const last = runs[runs.length - 1];
      if (last?.type === type) last.count++;
      else runs.push({ count: 1, type });
    }
    const code = [...vec(runs.map((r) => [...uleb(r.count), r.type])), ...flatten(f.body), 0x0b];
    return [...uleb(code.length), ...code];
  });
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec(types)),
    ...section(2, vec(imports)),
    ...section(3, vec(functions.map((_, i) => uleb(i)))),
    ...section(7, vec(exports)),
    ...section(10, vec(bodies)),
  ]);
}
