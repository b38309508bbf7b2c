// Deterministic layouts on the hand network, positions worked out by hand.
import { describe, expect, it } from "vitest";
import { TiegraphError } from "@tiegraph/core";
import { egoRingsLayout, sunflowerLayout } from "../src/layout/index.js";
import { sceneFromNetwork } from "../src/scene/index.js";
import { handNetwork } from "./hand-network.js";

const net = handNetwork();
const scene = sceneFromNetwork(net);
const at = (p: { x: Float64Array; y: Float64Array }, id: string) => {
  const i = scene.indexOf.get(id)!;
  return [p.x[i]!, p.y[i]!];
};
const close = (got: number[], want: number[]) => got.forEach((v, k) => expect(v).toBeCloseTo(want[k]!, 12));

describe("egoRingsLayout", () => {
  it("puts ego in the middle and contacts on rings by strength", () => {
    const p = egoRingsLayout(scene);
    close(at(p, "me"), [0, 0]);
    // ring 1 (s ≥ 0.5): ann alone, at the top of radius 1
    close(at(p, "ann"), [0, 1]);
    // ring 2 (0.2 ≤ s < 0.5): bob (Acme), cat (Globex), fay (Initech) in organisation order,
    // clockwise from the top every 120°: θ = 90°, −30°, −150° on radius 2
    close(at(p, "bob"), [0, 2]);
    close(at(p, "cat"), [2 * Math.cos(-Math.PI / 6), 2 * Math.sin(-Math.PI / 6)]);
    close(at(p, "fay"), [2 * Math.cos((-5 * Math.PI) / 6), 2 * Math.sin((-5 * Math.PI) / 6)]);
    // ring 3 (s < 0.2) is empty and skipped; dan (two hops) on radius 3, eve (unreachable) on 4
    close(at(p, "dan"), [0, 3]);
    close(at(p, "eve"), [0, 4]);
  });

  it("is deterministic", () => {
    const a = egoRingsLayout(sceneFromNetwork(handNetwork()));
    const b = egoRingsLayout(sceneFromNetwork(handNetwork()));
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
    expect(Array.from(a.y)).toEqual(Array.from(b.y));
  });

  it("grows a crowded ring to keep neighbours apart", () => {
    // 3 people on ring 2 with spacing 5: radius max(1 + 1, 3·5/2π) = 2.387324
    const p = egoRingsLayout(scene, { spacing: 5 });
    close(at(p, "bob"), [0, 15 / (2 * Math.PI)]);
  });

  it("orders rings by cadence tier when asked", () => {
    const s = sceneFromNetwork(net, { cadenceTier: new Map([["fay", 0], ["ann", 2]]) });
    const p = egoRingsLayout(s, { by: "cadence" });
    // tier 0 → ring 1 (radius 1), tier 2 → ring 3 (ring 2 empty → radius 2);
    // contacts without a tier (bob, cat) → ring 4 (radius 3), dan (2 hops) → radius 4
    close(at(p, "fay"), [0, 1]);
    close(at(p, "ann"), [0, 2]);
    close(at(p, "bob"), [0, 3]);
    close(at(p, "dan"), [0, 4]);
    expect(() => egoRingsLayout(scene, { by: "cadence" })).toThrow(/cadenceTier/);
  });

  it("needs an ego", () => {
    const noEgo = handNetwork();
    noEgo.setEgo(undefined);
    expect(() => egoRingsLayout(sceneFromNetwork(noEgo))).toThrow(TiegraphError);
  });
});

describe("sunflowerLayout", () => {
  it("places the j-th person at radius c·√j and angle j·137.5°, ego first", () => {
    const p = sunflowerLayout(scene, { spacing: 1 });
    const golden = Math.PI * (3 - Math.sqrt(5));
    close(at(p, "me"), [0, 0]);
    // order after ego: Acme (ann, bob), Globex (cat, dan), Initech (fay), none (eve)
    close(at(p, "ann"), [Math.cos(golden), Math.sin(golden)]);
    close(at(p, "cat"), [Math.sqrt(3) * Math.cos(3 * golden), Math.sqrt(3) * Math.sin(3 * golden)]);
    close(at(p, "eve"), [Math.sqrt(6) * Math.cos(6 * golden), Math.sqrt(6) * Math.sin(6 * golden)]);
  });
});
