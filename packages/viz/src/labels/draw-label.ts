/**
 * Canvas label and hover drawing for sigma. Labels are canvas text
 * (`fillText`), so names are never parsed as HTML. Each label gets a halo in
 * the background colour to stay readable over ties, and may carry its own
 * size and weight (larger for strong ties, the selection and you).
 */
import type { Attributes } from "graphology-types";
import type { NodeHoverDrawingFunction, NodeLabelDrawingFunction } from "sigma/rendering";
import type { ViewTheme } from "../theme/themes.js";

/** Options of labels. */
export interface LabelOptions {
  /** sigma `labelDensity`: labels per grid cell at the default zoom (lower = fewer labels). */
  density: number;
  /** sigma `labelGridCellSize` in pixels. */
  gridCellSize: number;
  /** sigma `labelRenderedSizeThreshold`: nodes drawn smaller than this get no label unless forced. */
  renderedSizeThreshold: number;
  /** Label size in pixels for most people. */
  size: number;
  /** Label size for strong ties to you and for people in the current highlight. */
  strongSize: number;
  /** Label size for you and the selection. */
  selectedSize: number;
  /** Tie strength to you from which a label counts as strong. */
  strongTie: number;
}

/**
 * Defaults: about half as many labels as sigma's default density, on
 * 120-pixel cells, only on nodes drawn at 7 pixels or more; 12 px text,
 * 14 px for strong ties (strength ≥ 0.5), 15 px bold for you and the selection.
 */
export const DEFAULT_LABEL_OPTIONS: Readonly<LabelOptions> = { density: 0.5, gridCellSize: 120, renderedSizeThreshold: 7, size: 12, strongSize: 14, selectedSize: 15, strongTie: 0.5 };

/** Label and hover drawers that read the theme when they draw (so a theme switch needs no new program).
 *
 * @example const { drawLabel, drawHover } = createLabelDrawers(() => LIGHT_THEME)
 */
export function createLabelDrawers(theme: () => ViewTheme): { drawLabel: NodeLabelDrawingFunction; drawHover: NodeHoverDrawingFunction } {
  const drawLabel: NodeLabelDrawingFunction = (ctx, data, settings) => {
    if (!data.label) return;
    const t = theme();
    const d = data as typeof data & Attributes;
    const size: number = typeof d.labelSize === "number" ? d.labelSize : settings.labelSize;
    const weight: string = typeof d.labelWeight === "string" ? d.labelWeight : settings.labelWeight;
    ctx.font = `${weight} ${size}px ${t.font}`;
    const x = data.x + data.size + 3;
    const y = data.y + size / 3;
    ctx.lineJoin = "round";
    ctx.lineWidth = 3;
    ctx.strokeStyle = t.labelHalo;
    ctx.strokeText(data.label, x, y);
    ctx.fillStyle = t.text;
    ctx.fillText(data.label, x, y);
  };
  const drawHover: NodeHoverDrawingFunction = (ctx, data, settings) => {
    const t = theme();
    const d = data as typeof data & Attributes;
    const size: number = typeof d.labelSize === "number" ? d.labelSize : settings.labelSize;
    const weight: string = typeof d.labelWeight === "string" ? d.labelWeight : settings.labelWeight;
    ctx.font = `${weight} ${size}px ${t.font}`;
    const pad = 3;
    const label = data.label ?? "";
    const w = label ? ctx.measureText(label).width + 2 * pad + 3 : 0;
    const h = Math.max(size + 2 * pad, 2 * data.size + 2);
    ctx.fillStyle = t.background;
    ctx.strokeStyle = t.mutedText;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.arc(data.x, data.y, data.size + pad, Math.PI / 2, (3 * Math.PI) / 2);
    if (label) ctx.rect(data.x, data.y - h / 2, data.size + w, h);
    ctx.closePath();
    ctx.fill();
    ctx.stroke();
    // cover the stroke inside the union so the box reads as one shape
    ctx.fillRect(data.x - 1, data.y - h / 2 + 1, data.size + 2, h - 2);
    drawLabel(ctx, { ...data, label }, settings);
  };
  return { drawLabel, drawHover };
}
