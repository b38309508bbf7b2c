/**
 * PNG export of what a view shows now, through @sigma/export-image: a
 * temporary sigma renderer with the same graph, settings and reducers draws
 * the current camera, highlights and filters, so the image holds exactly what
 * is on screen (and nothing the view leaves out).
 */
import type Sigma from "sigma";
import { toBlob } from "@sigma/export-image";

/** Options of {@link exportPNG}. */
export interface PngOptions {
  /** Image size in CSS pixels (default: the container's size); the device pixel ratio applies. */
  width?: number;
  height?: number;
  /** Background colour (default: the view's theme background; "transparent" for none). */
  backgroundColor?: string;
}

/**
 * Renders a sigma instance to a PNG blob.
 *
 * @example
 * ```ts
 * const blob = await exportPNG(view.renderer, { backgroundColor: "#fff" });
 * ```
 */
export async function exportPNG(renderer: Sigma, options: PngOptions = {}): Promise<Blob> {
  return toBlob(renderer, {
    format: "png",
    width: options.width ?? null,
    height: options.height ?? null,
    backgroundColor: options.backgroundColor ?? "transparent",
  });
}
