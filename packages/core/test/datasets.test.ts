import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadEmailEuCore, loadKrackhardt, loadLazega, loadPadgett, directedTies, TiegraphError } from "@tiegraph/core";
import { DATASETS } from "./datasets-path.js";

const read = (...p: string[]) => readFileSync(join(DATASETS, ...p), "utf8");

describe("research dataset loaders", () => {
  it("loads Lazega advice: 71 lawyers, 892 advice ties", () => {
    const { network, report } = loadLazega({ attributes: read("lazega_lawfirm", "ELattr.dat"), relation: read("lazega_lawfirm", "ELadv.dat") });
    expect(network.personCount).toBe(71);
    expect(report.ties).toBe(892);
    expect(directedTies(network).pairCount).toBe(892);
    expect(report.droppedSelfLoops).toBe(0);
    const offices = network.people().map((p) => p.attributes!.office);
    expect(offices.filter((o) => o === "Boston")).toHaveLength(48);
    expect(offices.filter((o) => o === "Hartford")).toHaveLength(19);
    expect(offices.filter((o) => o === "Providence")).toHaveLength(4);
  });
  it("loads Krackhardt advice: 21 managers, 190 advice ties", () => {
    const { network, report } = loadKrackhardt({ attributes: read("krackhardt_hightech", "Krack-High-Tec-Attributes.csv"), relation: read("krackhardt_hightech", "Krack-High-Tec-edgelist-Advice.txt") });
    expect(network.personCount).toBe(21);
    expect(report.ties).toBe(190);
    expect(network.person("K7").attributes!.dept).toBe("0");
  });
  it("loads email-Eu-core: 1005 people, 42 departments, 25571 edges less 642 self-loops", () => {
    const { network, report } = loadEmailEuCore({ edges: read("email_eu_core", "email-Eu-core.txt"), departments: read("email_eu_core", "email-Eu-core-department-labels.txt") });
    expect(network.personCount).toBe(1005);
    expect(new Set(network.people().map((p) => p.attributes!.department)).size).toBe(42);
    expect(report.droppedSelfLoops).toBe(642);
    expect(report.ties).toBe(25571 - 642);
    expect(directedTies(network).pairCount).toBe(24929);
  });
  it("loads Padgett: 16 families, 20 marital and 15 business edges", () => {
    const text = read("padgett_florentine", "Padgett.paj");
    expect(loadPadgett(text, "marital").report.ties).toBe(20);
    expect(loadPadgett(text, "business").report.ties).toBe(15);
    const { network } = loadPadgett(text);
    expect(network.personCount).toBe(16);
    expect(network.person("Medici").attributes!.wealth).toBe(103);
  });
  it("names the file and line of a malformed row", () => {
    const bad = " 1 1 0\n 1 2 x\n";
    try {
      loadKrackhardt({ attributes: read("krackhardt_hightech", "Krack-High-Tec-Attributes.csv"), relation: bad, relationFile: "advice.txt" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(TiegraphError);
      expect((e as TiegraphError).line).toBe(2);
      expect((e as TiegraphError).message).toContain("advice.txt:2");
    }
  });
});
