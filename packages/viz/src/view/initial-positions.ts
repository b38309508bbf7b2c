/**
 * Where people are drawn first: ego-centred rings, a sunflower, or the
 * caller's positions.
 */
import { TiegraphError } from "@tiegraph/core";
import { egoRingsLayout } from "../layout/ego-rings.js";
import type { Positions } from "../layout/positions.js";
import { sunflowerLayout } from "../layout/sunflower.js";
import type { Scene } from "../scene/scene.js";
import type { NetworkViewOptions } from "./options.js";

/**
 * The first positions of a scene's people for the view's `layout` option.
 *
 * @example initialPositions(scene, { ...DEFAULT_NETWORK_VIEW_OPTIONS, layout: "sunflower" }).x.length // scene.personCount
 */
export function initialPositions(scene: Scene, opts: Pick<NetworkViewOptions, "layout" | "positions" | "egoRings" | "sunflower">): Positions {
  switch (opts.layout) {
    case "auto":
      return scene.egoIndex >= 0 ? egoRingsLayout(scene, opts.egoRings) : sunflowerLayout(scene, opts.sunflower);
    case "ego-rings":
      return egoRingsLayout(scene, opts.egoRings);
    case "sunflower":
      return sunflowerLayout(scene, opts.sunflower);
    case "preset": {
      const p = sunflowerLayout(scene, opts.sunflower);
      if (!opts.positions) throw new TiegraphError("tiegraph/viz", "invalid-option", 'the "preset" layout needs positions', { expected: "options.positions: a map of person id → { x, y }" });
      for (const [id, pos] of opts.positions) {
        const i = scene.indexOf.get(id);
        if (i === undefined) continue;
        if (!Number.isFinite(pos?.x) || !Number.isFinite(pos?.y)) throw new TiegraphError("tiegraph/viz", "invalid-value", `position of ${JSON.stringify(id)} is not a pair of finite numbers`, { record: `positions[${JSON.stringify(id)}]`, expected: "{ x, y } with finite numbers" });
        p.x[i] = pos.x;
        p.y[i] = pos.y;
      }
      return p;
    }
    default:
      throw new TiegraphError("tiegraph/viz", "invalid-option", `unknown layout ${JSON.stringify(opts.layout)}`, { expected: '"auto", "ego-rings", "sunflower" or "preset"' });
  }
}
