// A real view in headless Chromium: what is drawn, highlights, legends, redaction, events.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { PNG } from "pngjs";
import { startHarness, type BrowserHarness } from "./browser.js";
import { handNetworkData } from "./hand-network.js";

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Opens a page and mounts a view of a generated network (kept as window.view). */
async function mountGenerated(page: Page, gen: { seed: number; people: number; exchanges: number }, options: Record<string, unknown> = {}): Promise<void> {
  await page.evaluate(
    async ([g, o]) => {
      const { core, viz, container, frames } = window.tiegraph;
      const network = core.generateNetwork(g);
      window.view = viz.mountNetworkView(container(), { network, analysis: viz.analyseForView(network) }, { cameraDuration: 0, ...o });
      await frames();
    },
    [gen, options] as const,
  );
}

/** Mounts the hand network (test/hand-network.ts). */
async function mountHand(page: Page, options: Record<string, unknown> = {}): Promise<void> {
  await page.evaluate(
    async ([data, o]) => {
      const { core, viz, container, frames } = window.tiegraph;
      const network = core.Network.from(data);
      window.view = viz.mountNetworkView(container(), { network, analysis: viz.analyseForView(network) }, { cameraDuration: 0, ...o });
      await frames();
    },
    [handNetworkData(), options] as const,
  );
}

/** Share of pixels in a screenshot of the container that differ from the background. */
async function inkShare(page: Page, background: [number, number, number]): Promise<number> {
  const png = PNG.sync.read(await page.locator("#graph").screenshot());
  let ink = 0;
  for (let p = 0; p < png.data.length; p += 4) {
    const d = Math.abs(png.data[p]! - background[0]) + Math.abs(png.data[p + 1]! - background[1]) + Math.abs(png.data[p + 2]! - background[2]);
    if (d > 30) ink++;
  }
  return ink / (png.width * png.height);
}

/** Viewport position of a person's node. */
function nodePosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((node) => {
    const v = window.view;
    const a = v.graph.getNodeAttributes(node);
    return v.renderer.graphToViewport({ x: a.x as number, y: a.y as number });
  }, id);
}

describe("mounting", () => {
  it("draws every person and tie of a generated network on a canvas that is not blank", async () => {
    const page = await h.open();
    await mountGenerated(page, { seed: 11, people: 120, exchanges: 2500 }, { legend: "detached" });
    const drawn = await page.evaluate(() => {
      const v = window.view;
      const nodes = v.graph.nodes().filter((n) => v.renderer.getNodeDisplayData(n) !== undefined).length;
      return { nodes, people: v.scene.personCount, edges: v.graph.size, ties: v.scene.tieCount, canvases: Object.keys(v.renderer.getCanvases()) };
    });
    expect(drawn.nodes).toBe(121);
    expect(drawn.people).toBe(121);
    expect(drawn.edges).toBe(drawn.ties);
    expect(drawn.ties).toBeGreaterThan(150);
    expect(drawn.canvases).toEqual(expect.arrayContaining(["nodes", "edges", "labels"]));
    // a white page would be 0; nodes, ties and labels cover a few percent of it
    expect(await inkShare(page, [255, 255, 255])).toBeGreaterThan(0.02);
    await page.close();
  });

  it("refuses a missing container and an explicit encoding without its input, changing nothing", async () => {
    const page = await h.open();
    const r = await page.evaluate(() => {
      const { core, viz, container } = window.tiegraph;
      const network = core.generateNetwork({ seed: 2, people: 30, exchanges: 300 });
      const codeOf = (f: () => unknown) => {
        try {
          f();
          return "none";
        } catch (e) {
          return e instanceof core.TiegraphError ? `${e.code}: ${e.message}` : String(e);
        }
      };
      const noContainer = codeOf(() => viz.mountNetworkView(null as never, network));
      const noBetweenness = codeOf(() => viz.mountNetworkView(container(), network, { encoding: { nodeSize: "betweenness" } }));
      const view = viz.mountNetworkView(container(), network);
      const before = view.encoding();
      const setEi = codeOf(() => view.setEncoding({ nodeColour: "ei-index", nodeSize: "degree" }));
      return { noContainer, noBetweenness, setEi, before, after: view.encoding(), leftovers: container().querySelectorAll("canvas").length };
    });
    expect(r.noContainer).toMatch(/^invalid-option: tiegraph\/viz: the container is not a DOM element/);
    expect(r.noBetweenness).toMatch(/^invalid-option: .*encoding "betweenness" needs analysis.betweenness/);
    expect(r.setEi).toMatch(/^invalid-option: .*"ei-index" needs analysis.eiIndex/);
    // defaults fell back where input was missing (no pair imbalance given) and the failed change left them
    expect(r.before).toEqual({ nodeSize: "strength-to-ego", nodeColour: "organisation", edgeColour: "none", edgeWidth: "strength", edgeArrows: "none" });
    expect(r.after).toEqual(r.before);
    await page.close();
  });
});

describe("highlights", () => {
  it("emphasises an introduction path in the highlight colour, fades the rest and fits the camera", async () => {
    const page = await h.open();
    await mountGenerated(page, { seed: 5, people: 200, exchanges: 3000 });
    const r = await page.evaluate(async () => {
      const v = window.view;
      const s = v.scene;
      // a path me → contact → someone two hops away, found from the scene
      const far = s.ids.findIndex((_, i) => s.hopsFromEgo[i] === 2);
      const mid = v.graph.neighbors(s.ids[far]!).find((n) => s.hopsFromEgo[s.indexOf.get(n)!] === 1)!;
      const path = ["me", mid, s.ids[far]!];
      const result = await v.highlightPath(path, { duration: 0 });
      const theme = v.theme();
      const colours = path.map((id) => v.renderer.getNodeDisplayData(id)!.color);
      const hopColours = [v.graph.edge(path[0], path[1]) ?? v.graph.edge(path[1], path[0]), v.graph.edge(path[1], path[2]) ?? v.graph.edge(path[2], path[1])].map((e) => v.renderer.getEdgeDisplayData(e)!.color);
      const other = v.graph.nodes().find((n) => !path.includes(n))!;
      const otherFaded = v.renderer.getNodeDisplayData(other)!.color === v.graph.getNodeAttribute(other, "fadedColor");
      const otherLabel = v.renderer.getNodeDisplayData(other)!.label;
      const { width, height } = v.renderer.getDimensions();
      const inView = path.every((id) => {
        const p = v.renderer.graphToViewport(v.graph.getNodeAttributes(id) as { x: number; y: number });
        return p.x >= 0 && p.x <= width && p.y >= 0 && p.y <= height;
      });
      const marks = [...v.legend.querySelectorAll('section[data-channel="marks"] .label')].map((e) => e.textContent);
      await v.highlightPath(null);
      const restored = v.renderer.getNodeDisplayData(path[1])!.color === v.graph.getNodeAttribute(path[1], "color");
      return { result, colours, hopColours, highlight: theme.highlight, otherFaded, otherLabel, inView, ratio: v.renderer.getCamera().ratio, marks, restored };
    });
    expect(r.result).toEqual({ hops: 2, missingHops: [] });
    expect(r.colours).toEqual([r.highlight, r.highlight, r.highlight]);
    expect(r.hopColours).toEqual([r.highlight, r.highlight]);
    expect(r.otherFaded).toBe(true);
    expect(r.otherLabel).toBeNull();
    expect(r.inView).toBe(true);
    expect(r.ratio).toBeLessThan(1);
    expect(r.marks).toContain("introduction path");
    expect(r.restored).toBe(true);
    await page.close();
  });

  it("reports a path hop resting on a redacted tie instead of drawing it, and refuses unknown people", async () => {
    const page = await h.open();
    await mountHand(page);
    const r = await page.evaluate(async () => {
      const v = window.view;
      const result = await v.highlightPath(["me", "fay", "dan", "eve"], { duration: 0 });
      let unknown = "";
      try {
        await v.highlightPath(["me", "zed"]);
      } catch (e) {
        unknown = `${(e as { code: string }).code} ${(e as Error).message}`;
      }
      return { result, unknown };
    });
    expect(r.result).toEqual({ hops: 2, missingHops: [["dan", "eve"]] });
    expect(r.unknown).toMatch(/^unknown-person tiegraph\/viz: path person #1: unknown person "zed"/);
    await page.close();
  });

  it("highlights the neighbourhood under the pointer and shows a text tooltip", async () => {
    const page = await h.open();
    await mountHand(page);
    await page.evaluate(() => {
      (window as unknown as { hovered: (string | null)[] }).hovered = [];
      window.view.on("hover", (id) => (window as unknown as { hovered: (string | null)[] }).hovered.push(id));
    });
    const fay = await nodePosition(page, "fay");
    await page.mouse.move(fay.x, fay.y);
    await page.evaluate(() => window.tiegraph.frames());
    const over = await page.evaluate(() => {
      const v = window.view;
      const colour = (id: string) => v.renderer.getNodeDisplayData(id)!.color;
      const attr = (id: string, k: string) => v.graph.getNodeAttribute(id, k);
      const tip = v.container.querySelector(".tiegraph-tooltip") as HTMLElement;
      return {
        // fay's neighbours keep their colours; ann and bob are faded; ego never fades
        fay: colour("fay") === attr("fay", "color"),
        dan: colour("dan") === attr("dan", "color"),
        ann: colour("ann") === attr("ann", "fadedColor"),
        me: colour("me") === attr("me", "color"),
        // fay's ties stay, other ties are hidden while hovering
        ties: [v.graph.edge("me", "fay") ?? v.graph.edge("fay", "me"), v.graph.edge("dan", "fay") ?? v.graph.edge("fay", "dan"), v.graph.edge("me", "ann") ?? v.graph.edge("ann", "me")].map((e) => v.renderer.getEdgeDisplayData(e)!.hidden),
        tip: [...tip.children].map((c) => c.textContent),
        tipShown: tip.style.display,
        hovered: (window as unknown as { hovered: string[] }).hovered,
      };
    });
    expect(over).toEqual({
      fay: true,
      dan: true,
      ann: true,
      me: true,
      ties: [false, false, true],
      tip: ["Fay", "Initech", "tie strength to you: 0.22", "ties drawn: 2"],
      tipShown: "block",
      hovered: ["fay"],
    });
    // straight from fay to ann: only the two neighbourhoods are re-reduced, and the result is ann's
    const ann = await nodePosition(page, "ann");
    await page.mouse.move(ann.x, ann.y);
    await page.evaluate(() => window.tiegraph.frames());
    const moved = await page.evaluate(() => {
      const v = window.view;
      const faded = (id: string) => v.renderer.getNodeDisplayData(id)!.color === v.graph.getNodeAttribute(id, "fadedColor");
      const hidden = (a: string, b: string) => v.renderer.getEdgeDisplayData(v.graph.edge(a, b) ?? v.graph.edge(b, a))!.hidden;
      return { dan: faded("dan"), fay: faded("fay"), ann: faded("ann"), danFay: hidden("dan", "fay"), meAnn: hidden("me", "ann"), hovered: (window as unknown as { hovered: (string | null)[] }).hovered };
    });
    expect(moved).toEqual({ dan: true, fay: true, ann: false, danFay: true, meAnn: false, hovered: ["fay", null, "ann"] });
    await page.mouse.move(2, 2);
    await page.evaluate(() => window.tiegraph.frames());
    const away = await page.evaluate(() => {
      const v = window.view;
      return { ann: v.renderer.getNodeDisplayData("ann")!.color === v.graph.getNodeAttribute("ann", "color"), tip: (v.container.querySelector(".tiegraph-tooltip") as HTMLElement).style.display };
    });
    expect(away).toEqual({ ann: true, tip: "none" });
    await page.close();
  });

  it("rings and labels a selected set, fading the rest", async () => {
    const page = await h.open();
    await mountHand(page);
    const r = await page.evaluate(() => {
      const v = window.view;
      v.select(["ann", "cat"]);
      const d = (id: string) => v.renderer.getNodeDisplayData(id) as unknown as Record<string, unknown>;
      const out = {
        ring: d("ann").ringColor === v.theme().selectionRing && d("ann").ringSize === 3,
        label: [d("cat").forceLabel, d("cat").labelSize, d("cat").labelWeight],
        faded: d("dan").color === v.graph.getNodeAttribute("dan", "fadedColor"),
        egoRing: d("me").ringColor === v.theme().egoRing,
        selection: [...v.selection()],
        marks: [...v.legend.querySelectorAll('section[data-channel="marks"] .label')].map((e) => e.textContent),
      };
      v.select([]);
      return { ...out, cleared: d("dan").color === v.graph.getNodeAttribute("dan", "color") && d("ann").ringSize === undefined && d("ann").type === "person" };
    });
    expect(r).toEqual({ ring: true, label: [true, 15, "bold"], faded: true, egoRing: true, selection: ["ann", "cat"], marks: ["you (ringed)", "selected (ringed)"], cleared: true });
    await page.close();
  });
});

describe("legends", () => {
  it("lists the organisations of the colour scale, computed independently from the network", async () => {
    const page = await h.open();
    await mountGenerated(page, { seed: 9, people: 300, exchanges: 4000 });
    const r = await page.evaluate(() => {
      const { core } = window.tiegraph;
      const network = core.generateNetwork({ seed: 9, people: 300, exchanges: 4000 });
      const last = network.dayRange()!.last;
      const counts = new Map<string, number>();
      let none = 0;
      network.people().forEach((_, i) => {
        const org = network.organisationIndicesOn(i, last)[0];
        if (org === undefined) none++;
        else counts.set(network.organisationAt(org).name, (counts.get(network.organisationAt(org).name) ?? 0) + 1);
      });
      const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      const expected = ranked.slice(0, 9).map(([name, c]) => `${name} (${c})`);
      const others = ranked.slice(9).reduce((s, [, c]) => s + c, 0);
      if (others) expected.push(`other organisations (${others})`);
      if (none) expected.push(`no organisation (${none})`);
      const section = (channel: string) => window.view.legend.querySelector(`section[data-channel="${channel}"]`)!;
      const labels = (channel: string) => [...section(channel).querySelectorAll("li .label")].map((e) => e.textContent);
      const organisation = { title: section("node-colour").querySelector("h4")!.textContent, labels: labels("node-colour") };
      window.view.setEncoding({ nodeColour: "internal-external", nodeSize: "degree" });
      const internal = labels("node-colour");
      const degreeTitle = section("node-size").querySelector("h4")!.textContent;
      // betweenness and E-I index from analyseForView (core's measures)
      window.view.setEncoding({ nodeColour: "ei-index", nodeSize: "betweenness" });
      const s = window.view.scene;
      let top = 0;
      s.betweenness!.forEach((b, i) => (b > s.betweenness![top]! ? (top = i) : 0));
      const measured = {
        titles: [section("node-colour"), section("node-size")].map((e) => e.querySelector("h4")!.textContent),
        // the largest betweenness draws at 14 px; ego's ring (3 px) and gap (1.5 px) go around it
        topSize: window.view.renderer.getNodeDisplayData(s.ids[top]!)!.size - (top === s.egoIndex ? 4.5 : 0),
        eiTicks: [...section("node-colour").querySelectorAll(".ticks span")].map((e) => e.textContent),
      };
      return {
        measured,
        expected,
        organisation,
        internal,
        size: degreeTitle,
        reciprocity: [...section("edge-colour").querySelectorAll(".ticks span")].map((e) => e.textContent),
        units: section("edge-width").querySelector(".units")!.textContent,
      };
    });
    expect(r.organisation.title).toBe("Colour: organisation");
    expect(r.organisation.labels).toEqual(r.expected);
    expect(r.expected.length).toBeGreaterThan(5);
    expect(r.internal[0]).toBe("you");
    expect(r.internal[1]).toMatch(/^internal: same organisation as you \(\d+\)$/);
    expect(r.size).toBe("Size: number of ties");
    expect(r.measured).toEqual({ titles: ["Colour: E-I index", "Size: betweenness"], topSize: 14, eiTicks: ["−1 all internal", "0 balanced", "+1 all external"] });
    expect(r.reciprocity).toEqual(["you give more", "balanced", "you receive more"]);
    expect(r.units).toBe("0–1: how much and how recently the two exchanged");
    await page.close();
  });
});

describe("redaction and text", () => {
  it("draws nothing resting only on confidential exchanges and no notes, unless asked", async () => {
    const page = await h.open();
    await mountHand(page);
    const fay = await nodePosition(page, "ann");
    await page.mouse.move(fay.x, fay.y);
    const r = await page.evaluate(async (data) => {
      const v = window.view;
      const { core, viz, container, frames } = window.tiegraph;
      await frames();
      const drawn = JSON.stringify(v.graph.export()) + v.container.textContent;
      const danEve = v.graph.hasEdge("dan", "eve") || v.graph.hasEdge("eve", "dan");
      v.destroy();
      const network = core.Network.from(data);
      const open = viz.mountNetworkView(container(), network, { includeConfidential: true });
      return { danEve, secret: /SECRET/.test(drawn), asked: open.graph.hasEdge("dan", "eve") || open.graph.hasEdge("eve", "dan"), askedNotes: /SECRET/.test(JSON.stringify(open.graph.export())) };
    }, handNetworkData());
    expect(r).toEqual({ danEve: false, secret: false, asked: true, askedNotes: false });
    await page.close();
  });

  it("shows names literally: no HTML from names in tooltips, legends or labels", async () => {
    const page = await h.open();
    let dialogs = 0;
    page.on("dialog", (d) => {
      dialogs++;
      void d.dismiss();
    });
    const evil = "<img src=x onerror=alert(1)>";
    await page.evaluate(
      async ([name]) => {
        const { core, viz, container, frames } = window.tiegraph;
        const network = core.Network.from({
          ego: "me",
          organisations: [{ id: "o", name: "<b>Bold</b> & Co" }],
          people: [{ id: "me", name: "Me" }, { id: "x", name }],
          affiliations: [{ person: "x", organisation: "o" }],
          exchanges: [{ date: "2026-01-01", kind: "favour", from: "x", to: "me" }],
        });
        window.view = viz.mountNetworkView(container(), network, { cameraDuration: 0 });
        await frames();
      },
      [evil] as const,
    );
    const x = await nodePosition(page, "x");
    await page.mouse.move(x.x, x.y);
    await page.evaluate(() => window.tiegraph.frames());
    const r = await page.evaluate(() => ({
      tip: (document.querySelector(".tiegraph-tooltip") as HTMLElement).firstElementChild!.textContent,
      legend: [...window.view.legend.querySelectorAll("li .label")].map((e) => e.textContent),
      imgs: document.querySelectorAll("img").length,
      bolds: window.view.legend.querySelectorAll("b").length,
      label: window.view.renderer.getNodeDisplayData("x")!.label,
    }));
    expect(r.tip).toBe(evil);
    expect(r.legend).toContain("<b>Bold</b> & Co (1)");
    expect(r).toMatchObject({ imgs: 0, bolds: 0, label: evil });
    expect(dialogs).toBe(0);
    await page.close();
  });
});

describe("filters, theme, camera", () => {
  it("hides filtered people and ties but never ego; a bad filter changes nothing", async () => {
    const page = await h.open();
    await mountHand(page);
    const r = await page.evaluate(() => {
      const v = window.view;
      v.setFilter({ hidden: ["ann", "me"], edge: (t) => t.strength > 0.3 });
      const hidden = (id: string) => v.renderer.getNodeDisplayData(id)!.hidden;
      const edgeHidden = (a: string, b: string) => v.renderer.getEdgeDisplayData(v.graph.edge(a, b) ?? v.graph.edge(b, a))!.hidden;
      const after = { ann: hidden("ann"), me: hidden("me"), bob: hidden("bob"), meBob: edgeHidden("me", "bob"), meCat: edgeHidden("me", "cat") };
      let error = "";
      try {
        v.setFilter({ hidden: ["nobody"] });
      } catch (e) {
        error = (e as { code: string }).code;
      }
      const kept = hidden("ann");
      v.setFilter({ node: (p) => p.internal || p.isEgo });
      const internalOnly = { fay: hidden("fay"), bob: hidden("bob") };
      v.setFilter(null);
      return { after, error, kept, internalOnly, cleared: hidden("ann") };
    });
    // me–bob strength 0.22 ≤ 0.3 is hidden, me–cat 0.39 is kept
    expect(r).toEqual({ after: { ann: true, me: false, bob: false, meBob: true, meCat: false }, error: "unknown-person", kept: true, internalOnly: { fay: true, bob: false }, cleared: false });
    await page.close();
  });

  it("redraws nothing for a filter or selection that changes nothing (no filter before or after, nobody selected)", async () => {
    const page = await h.open();
    await mountHand(page);
    const r = await page.evaluate(() => {
      const v = window.view;
      const renderer = v.renderer;
      let refreshes = 0;
      const refresh = renderer.refresh.bind(renderer);
      renderer.refresh = (...args: Parameters<typeof refresh>) => {
        refreshes++;
        return refresh(...args);
      };
      const counts: number[] = [];
      v.setFilter(null);
      v.select([]);
      counts.push(refreshes);
      // a real filter and its removal each redraw once; a real selection and its clearing too
      v.setFilter({ hidden: ["ann"] });
      v.setFilter(null);
      counts.push(refreshes);
      v.select(["ann"]);
      v.select([]);
      counts.push(refreshes);
      return { counts, annHidden: renderer.getNodeDisplayData("ann")!.hidden, selection: v.selection().size };
    });
    expect(r).toEqual({ counts: [0, 2, 4], annHidden: false, selection: 0 });
    await page.close();
  });

  it("switches to the dark theme: background, legend, neutral ties", async () => {
    const page = await h.open();
    await mountHand(page, { encoding: { edgeColour: "none" } });
    const r = await page.evaluate(() => {
      const v = window.view;
      v.setTheme("dark");
      const edge = v.graph.edges()[0]!;
      return {
        background: getComputedStyle(v.container).backgroundColor,
        theme: [v.container.dataset.theme, v.legend.dataset.theme],
        edge: v.renderer.getEdgeDisplayData(edge)!.color,
        ring: (v.renderer.getNodeDisplayData("me") as unknown as { ringColor: string }).ringColor,
      };
    });
    expect(r).toEqual({ background: "rgb(20, 23, 27)", theme: ["dark", "dark"], edge: "#4a525b", ring: "#ffffff" });
    expect(await inkShare(page, [20, 23, 27])).toBeGreaterThan(0.01);
    await page.close();
  });

  it("focuses the camera on a person and fits the whole network back", async () => {
    const page = await h.open();
    await mountHand(page);
    const r = await page.evaluate(async () => {
      const v = window.view;
      await v.focus("dan", { ratio: 0.3, duration: 0 });
      const d = v.renderer.getNodeDisplayData("dan")!;
      const c = v.renderer.getCamera().getState();
      const focused = Math.abs(c.x - d.x) < 1e-9 && Math.abs(c.y - d.y) < 1e-9 && c.ratio === 0.3;
      await v.fit(0);
      return { focused, fitted: v.renderer.getCamera().getState() };
    });
    expect(r.focused).toBe(true);
    expect(r.fitted).toEqual({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    await page.close();
  });
});

describe("layouts", () => {
  it("places people deterministically on ego rings, ego at the centre", async () => {
    const page = await h.open();
    const r = await page.evaluate(() => {
      const { core, viz, container } = window.tiegraph;
      const positions = () => {
        const v = viz.mountNetworkView(container(), core.generateNetwork({ seed: 4, people: 80, exchanges: 900 }));
        const out = v.graph.mapNodes((n, a) => `${n}:${a.x},${a.y}`);
        const ego = v.graph.getNodeAttributes("me");
        v.destroy();
        return { out, ego: [ego.x, ego.y] };
      };
      const a = positions();
      const b = positions();
      return { same: a.out.join() === b.out.join(), ego: a.ego };
    });
    expect(r).toEqual({ same: true, ego: [0, 0] });
    await page.close();
  });

  it("runs ForceAtlas2 in a web worker until stopped", async () => {
    const page = await h.open();
    await mountGenerated(page, { seed: 6, people: 150, exchanges: 2000 });
    const r = await page.evaluate(async () => {
      const v = window.view;
      const snapshot = () => v.graph.mapNodes((_, a) => `${a.x},${a.y}`).join(";");
      const before = snapshot();
      v.startLayout();
      const running = v.isLayoutRunning();
      // the worker's first positions arrive when it has started (slow on a busy machine): wait for them, up to 30 s
      let moved = false;
      for (const end = Date.now() + 30_000; !moved && Date.now() < end; ) {
        await new Promise((r) => setTimeout(r, 100));
        moved = snapshot() !== before;
      }
      v.stopLayout();
      await new Promise((r) => setTimeout(r, 100));
      const stopped = snapshot();
      await new Promise((r) => setTimeout(r, 300));
      const still = snapshot() === stopped;
      v.applyLayout("ego-rings");
      const back = snapshot() === before;
      return { running, moved, still, stoppedFlag: v.isLayoutRunning(), back };
    });
    expect(r).toEqual({ running: true, moved: true, still: true, stoppedFlag: false, back: true });
    await page.close();
  });
});

describe("export, update, events, destroy", () => {
  it("exports the current view as a PNG", async () => {
    const page = await h.open();
    await mountHand(page);
    const bytes = await page.evaluate(async () => {
      const blob = await window.view.exportPNG();
      return { type: blob.type, data: [...new Uint8Array(await blob.arrayBuffer())] };
    });
    expect(bytes.type).toBe("image/png");
    const png = PNG.sync.read(Buffer.from(bytes.data));
    expect([png.width, png.height]).toEqual([800, 600]);
    // the theme background is filled, and the graph is drawn on it
    expect([png.data[0], png.data[1], png.data[2], png.data[3]]).toEqual([255, 255, 255, 255]);
    let ink = 0;
    for (let p = 0; p < png.data.length; p += 4) if (png.data[p]! + png.data[p + 1]! + png.data[p + 2]! < 600) ink++;
    expect(ink).toBeGreaterThan(500);
    await page.close();
  });

  it("updates with new exchanges, keeping positions of people already drawn", async () => {
    const page = await h.open();
    await mountHand(page);
    const r = await page.evaluate(async (data) => {
      const { core } = window.tiegraph;
      const v = window.view;
      const before = v.graph.getNodeAttributes("ann");
      const network = core.Network.from(data);
      network.addPerson({ id: "gus", name: "Gus" });
      network.addExchange({ date: "2026-03-01", kind: "information", from: "ann", to: "gus" });
      v.update({ network });
      const after = v.graph.getNodeAttributes("ann");
      return { kept: before.x === after.x && before.y === after.y, tie: v.graph.hasEdge("ann", "gus") || v.graph.hasEdge("gus", "ann"), drawn: v.renderer.getNodeDisplayData("gus") !== undefined, order: v.graph.order };
    }, handNetworkData());
    expect(r).toEqual({ kept: true, tie: true, drawn: true, order: 8 });
    await page.close();
  });

  it("updates to another network and its encodings in one step or not at all; counts what is shown; zooms", async () => {
    const page = await h.open();
    await mountHand(page, { encoding: { nodeSize: "strength-to-ego" } });
    const r = await page.evaluate(async (data) => {
      const { core, frames } = window.tiegraph;
      const v = window.view;
      const noEgo = { ...data };
      delete noEgo.ego;
      const other = core.Network.from(noEgo);
      let refused = "";
      try {
        v.update({ network: other });
      } catch (e) {
        refused = (e as { code: string }).code;
      }
      const unchanged = { ego: v.scene.egoIndex, size: v.encoding().nodeSize };
      v.update({ network: other }, { nodeSize: "degree" });
      const switched = { ego: v.scene.egoIndex, size: v.encoding().nodeSize };
      const all = v.shown();
      const annTies = v.graph.degree("ann");
      v.setFilter({ hidden: ["ann"] });
      const filtered = v.shown();
      const ratio = () => v.renderer.getCamera().ratio;
      await v.fit(0);
      const fitted = ratio();
      await v.zoom(2, 0);
      const zoomed = ratio();
      await frames();
      return { refused, unchanged, switched, all, order: v.graph.order, size: v.graph.size, annTies, filtered, fitted, zoomed };
    }, handNetworkData());
    // an explicit encoding the new network cannot draw: refused, the view keeps the old network
    expect(r.refused).toBe("invalid-option");
    expect(r.unchanged).toEqual({ ego: 0, size: "strength-to-ego" });
    expect(r.switched).toEqual({ ego: -1, size: "degree" });
    expect(r.all).toEqual({ people: r.order, ties: r.size });
    // hiding ann hides her and every tie of hers
    expect(r.filtered).toEqual({ people: r.order - 1, ties: r.size - r.annTies });
    expect(r.zoomed).toBeCloseTo(r.fitted / 2, 6);
    await page.close();
  });

  it("emits clickNode for a click on a person", async () => {
    const page = await h.open();
    // detached legend: the overlay would sit over cat and take the click
    await mountHand(page, { legend: "detached" });
    await page.evaluate(() => window.view.on("clickNode", (id) => ((window as unknown as { clicked: string }).clicked = id)));
    const cat = await nodePosition(page, "cat");
    await page.mouse.click(cat.x, cat.y);
    expect(await page.evaluate(() => (window as unknown as { clicked: string }).clicked)).toBe("cat");
    await page.close();
  });

  it("removes everything it added on destroy", async () => {
    const page = await h.open();
    const r = await page.evaluate(() => {
      const { core, viz, container } = window.tiegraph;
      const el = container();
      const before = el.childElementCount;
      const v = viz.mountNetworkView(el, core.generateNetwork({ seed: 1, people: 20, exchanges: 100 }));
      const mounted = el.childElementCount;
      v.destroy();
      let after = "";
      try {
        v.select(["me"]);
      } catch (e) {
        after = (e as Error).message;
      }
      return { before, mounted, left: el.childElementCount, theme: el.dataset.theme ?? null, after };
    });
    expect(r.before).toBe(0);
    expect(r.mounted).toBeGreaterThan(1);
    expect(r.left).toBe(0);
    expect(r.theme).toBeNull();
    expect(r.after).toMatch(/the view was destroyed/);
    await page.close();
  });
});
