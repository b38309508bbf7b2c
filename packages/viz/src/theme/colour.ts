/**
 * Colour arithmetic the view needs and d3-scale does not give directly:
 * parsing the two notations our scales produce and mixing two colours, used
 * to derive a faded version of every node colour once per encoding change.
 */

/** An sRGB colour as 0–255 channels. */
export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/**
 * Parses `#rgb`, `#rrggbb` or `rgb(r, g, b)` (what d3-scale-chromatic's
 * schemes and interpolators return); undefined for anything else.
 *
 * @example parseColour("#ff8000") // { r: 255, g: 128, b: 0 }
 */
export function parseColour(text: string): Rgb | undefined {
  const s = text.trim();
  if (s.startsWith("#")) {
    const h = s.slice(1);
    if (/^[0-9a-f]{3}$/i.test(h)) return { r: parseInt(h[0]! + h[0]!, 16), g: parseInt(h[1]! + h[1]!, 16), b: parseInt(h[2]! + h[2]!, 16) };
    if (/^[0-9a-f]{6}$/i.test(h)) return { r: parseInt(h.slice(0, 2), 16), g: parseInt(h.slice(2, 4), 16), b: parseInt(h.slice(4, 6), 16) };
    return undefined;
  }
  const m = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)/i.exec(s);
  if (!m) return undefined;
  return { r: Number(m[1]), g: Number(m[2]), b: Number(m[3]) };
}

/** `#rrggbb` of a colour (channels rounded and clamped).
 *
 * @example formatColour({ r: 255, g: 128, b: 0 }) // "#ff8000"
 */
export function formatColour(c: Rgb): string {
  const hex = (v: number) => Math.max(0, Math.min(255, Math.round(v))).toString(16).padStart(2, "0");
  return `#${hex(c.r)}${hex(c.g)}${hex(c.b)}`;
}

/**
 * Linear mix in sRGB: `t = 0` gives `a`, `t = 1` gives `b`. Unparseable
 * input gives `b`, so a faded colour is never brighter than intended.
 *
 * @example mixColours("#000000", "#ffffff", 0.5) // "#808080"
 */
export function mixColours(a: string, b: string, t: number): string {
  const x = parseColour(a);
  const y = parseColour(b);
  if (!x || !y) return b;
  return formatColour({ r: x.r + (y.r - x.r) * t, g: x.g + (y.g - x.g) * t, b: x.b + (y.b - x.b) * t });
}
