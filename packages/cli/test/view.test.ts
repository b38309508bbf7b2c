// The text views' building blocks: tables that line up whatever the names,
// and a progress bar that only draws on a terminal for large work.
import { describe, expect, it } from "vitest";
import { displayWidth, fixed, textTable } from "../src/view/table.js";
import { progressBar } from "../src/view/progress.js";

describe("textTable", () => {
  it("pads to the widest cell, numbers right-aligned", async () => {
    expect(textTable([{ title: "person" }, { title: "balance", right: true }], [["Ann", "+2.00"], ["Bartholomew", "-10.25"]])).toBe(
      "person       balance\n-----------  -------\nAnn            +2.00\nBartholomew   -10.25\n",
    );
  });

  it("counts display columns: combining accents take none, wide characters two", async () => {
    expect(displayWidth("Chloé")).toBe(5);
    expect(displayWidth("Chloe\u0301")).toBe(5); // e + combining acute
    expect(displayWidth("王小明")).toBe(6);
    const t = textTable([{ title: "name" }, { title: "n", right: true }], [["王小明", "1"], ["Zoë", "2"]]);
    expect(t.split("\n").slice(2, 4)).toEqual(["王小明  1", "Zoë     2"]);
  });

  it("fixed shows missing values as a dash", async () => {
    expect(fixed(null)).toBe("–");
    expect(fixed(Number.NaN)).toBe("–");
    expect(fixed(0.12345, 3)).toBe("0.123");
  });
});

describe("progressBar", () => {
  const sink = (isTTY: boolean) => {
    const writes: string[] = [];
    return { writes, sink: { isTTY, columns: 60, write: (s: string) => void writes.push(s) } };
  };

  it("draws on a terminal for work above the threshold, and erases itself", async () => {
    const s = sink(true);
    const bar = progressBar(s.sink, "importing x.csv", 1000, 100);
    bar.update(1000);
    bar.done();
    expect(s.writes[0]).toMatch(/^\rimporting x\.csv \[#+\] 100%$/);
    expect(s.writes.at(-1)).toBe("\r\x1b[2K");
  });

  it("stays silent when standard error is not a terminal, or the work is small", async () => {
    const pipe = sink(false);
    const bar = progressBar(pipe.sink, "x", 1e9, 100);
    bar.update(5e8);
    bar.done();
    expect(pipe.writes).toEqual([]);
    const small = sink(true);
    progressBar(small.sink, "x", 10, 100).update(10);
    expect(small.writes).toEqual([]);
  });
});
