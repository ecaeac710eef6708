/**
 * Unicode's Mathematical Alphanumeric Symbols (U+1D400–U+1D7FF): styled
 * letters and digits as characters of their own (𝐱, 𝑥, ℒ, 𝔼).
 *
 * Why: browsers that implement MathML Core ignore `mathvariant` except
 * `normal`, so a style has to be in the character itself; and they draw a
 * one-letter `<mi>x</mi>` as the italic character 𝑥 (U+1D465), which the math
 * font subset must therefore hold (src/integrations/math-font.mjs).
 */

const LATIN = {
  bold: 0x1d400,
  italic: 0x1d434,
  'bold-italic': 0x1d468,
  script: 0x1d49c,
  'bold-script': 0x1d4d0,
  fraktur: 0x1d504,
  'double-struck': 0x1d538,
  'bold-fraktur': 0x1d56c,
  'sans-serif': 0x1d5a0,
  'bold-sans-serif': 0x1d5d4,
  'sans-serif-italic': 0x1d608,
  'sans-serif-bold-italic': 0x1d63c,
  monospace: 0x1d670,
};
const DIGITS = {
  bold: 0x1d7ce,
  'double-struck': 0x1d7d8,
  'sans-serif': 0x1d7e2,
  'bold-sans-serif': 0x1d7ec,
  monospace: 0x1d7f6,
};
/**
 * Each Greek alphabet is 58 slots: capital Alpha..Omega (the slot of the
 * unassigned U+03A2 holds ϴ), ∇, small alpha..omega, then ∂ ϵ ϑ ϰ ϕ ϱ ϖ.
 */
const GREEK = {
  bold: 0x1d6a8,
  italic: 0x1d6e2,
  'bold-italic': 0x1d71c,
  'bold-sans-serif': 0x1d756,
  'sans-serif-bold-italic': 0x1d790,
};
const GREEK_SYMBOLS = {
  0x3f4: 17,
  0x2207: 25,
  0x2202: 51,
  0x3f5: 52,
  0x3d1: 53,
  0x3f0: 54,
  0x3d5: 55,
  0x3f1: 56,
  0x3d6: 57,
};
// Letters encoded earlier in Letterlike Symbols (their slots in the block are
// empty), and the two dotless italic letters.
const SPECIAL = {
  italic: { h: 0x210e, ı: 0x1d6a4, ȷ: 0x1d6a5 },
  script: {
    B: 0x212c,
    E: 0x2130,
    F: 0x2131,
    H: 0x210b,
    I: 0x2110,
    L: 0x2112,
    M: 0x2133,
    R: 0x211b,
    e: 0x212f,
    g: 0x210a,
    o: 0x2134,
  },
  fraktur: { C: 0x212d, H: 0x210c, I: 0x2111, R: 0x211c, Z: 0x2128 },
  'double-struck': { C: 0x2102, H: 0x210d, N: 0x2115, P: 0x2119, Q: 0x211a, R: 0x211d, Z: 0x2124 },
};

/**
 * The mathematical alphanumeric form of one character in `variant`, or null
 * when Unicode has none.
 * @param {string} ch @param {string} variant
 * @returns {string | null}
 */
export function mathAlphanumeric(ch, variant) {
  const special = SPECIAL[variant]?.[ch];
  if (special) return String.fromCodePoint(special);
  const cp = ch.codePointAt(0) ?? 0;
  const latin = LATIN[variant];
  if (latin !== undefined && cp >= 0x41 && cp <= 0x5a) return String.fromCodePoint(latin + cp - 0x41);
  if (latin !== undefined && cp >= 0x61 && cp <= 0x7a) return String.fromCodePoint(latin + 26 + cp - 0x61);
  const digit = DIGITS[variant];
  if (digit !== undefined && cp >= 0x30 && cp <= 0x39) return String.fromCodePoint(digit + cp - 0x30);
  const greek = GREEK[variant];
  if (greek === undefined) return null;
  if (cp >= 0x391 && cp <= 0x3a9 && cp !== 0x3a2) return String.fromCodePoint(greek + cp - 0x391);
  if (cp >= 0x3b1 && cp <= 0x3c9) return String.fromCodePoint(greek + 26 + cp - 0x3b1);
  if (GREEK_SYMBOLS[cp] !== undefined) return String.fromCodePoint(greek + GREEK_SYMBOLS[cp]);
  return null;
}

/**
 * CSS for a `mathvariant` on text and operators (`\textbf{…}`, `\boldsymbol{+}`),
 * which keep their characters; undefined when CSS cannot say it.
 */
export const VARIANT_CSS = {
  bold: 'font-weight:bold',
  italic: 'font-style:italic',
  'bold-italic': 'font-weight:bold;font-style:italic',
  'sans-serif': 'font-family:sans-serif',
  'bold-sans-serif': 'font-family:sans-serif;font-weight:bold',
  'sans-serif-italic': 'font-family:sans-serif;font-style:italic',
  'sans-serif-bold-italic': 'font-family:sans-serif;font-weight:bold;font-style:italic',
  monospace: 'font-family:monospace',
};
