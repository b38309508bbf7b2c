/**
 * Camera moves of a view: centre on a person, or fit a set of people (an
 * introduction path) in the viewport.
 */
import type Sigma from "sigma";
import type { CameraState } from "sigma/types";

/**
 * Moves the camera to `state` over `duration` ms (0 jumps), resolving when done.
 *
 * @example await moveCamera(view.renderer, { x: 0.5, y: 0.5, ratio: 1 }, 0)
 */
export function moveCamera(renderer: Sigma, state: Partial<CameraState>, duration: number): Promise<void> {
  const camera = renderer.getCamera();
  if (duration <= 0) {
    camera.setState(state);
    return Promise.resolve();
  }
  return camera.animate(state, { duration });
}

/**
 * The camera state that shows the given nodes with a margin: centred on
 * their bounding box in sigma's framed coordinates, where ratio 1 shows the
 * whole graph; never closer than `minRatio`.
 *
 * @example cameraStateForNodes(view.renderer, ["me", "ann"]) // { x, y, ratio } framing both
 */
export function cameraStateForNodes(renderer: Sigma, keys: Iterable<string>, margin = 1.4, minRatio = 0.08): Partial<CameraState> | undefined {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const key of keys) {
    const d = renderer.getNodeDisplayData(key);
    if (!d) continue;
    x0 = Math.min(x0, d.x);
    x1 = Math.max(x1, d.x);
    y0 = Math.min(y0, d.y);
    y1 = Math.max(y1, d.y);
  }
  if (x0 === Infinity) return undefined;
  return { x: (x0 + x1) / 2, y: (y0 + y1) / 2, ratio: Math.min(1, Math.max(minRatio, Math.max(x1 - x0, y1 - y0) * margin)) };
}
