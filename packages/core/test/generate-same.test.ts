// The generator's relationships, kinds and affiliations went into typed columns (the affiliations
// taken by the network as columns, not records whose dates it parsed again) without changing a
// draw: every seed gives the network it gave before, byte for byte. The hashes are of
// serializeNetwork's output written by the generator before that change (main at da51f71). They
// hold again after the people's job changes and interests were drawn without arrays made and
// sorted per person, and the pair set was given its room at once (f40db47 → the next commit).
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateNetwork, serializeNetwork, type GenerateOptions } from "@tiegraph/core";

const BEFORE: [Partial<GenerateOptions> & { seed: number }, string][] = [
  // with ego (2,000 people ≤ 5,000), every kind of exchange, job changes
  [{ seed: 7, people: 2000, exchanges: 30000 }, "6f5042815a3d7b4f6f45d5109ed03cd07cc053b116967ff10db4a6bd0dd16533"],
  // without ego (6,000 people)
  [{ seed: 3, people: 6000, exchanges: 40000 }, "8e24d9baafcb02e008bb325100cb86d498fb2b55859693fbe8472595248a8063"],
  // no extras, more relationships per person (the relationship columns grow), a fifth confidential
  [{ seed: 5, people: 400, exchanges: 5000, extras: false, relationshipsPerPerson: 9, confidentialShare: 0.2 }, "9885426ebe264eb8d0e92b3e4803001674d77c00d77917fc3f15e897d0ab58ed"],
  // 20,000 people with ego: about 98,000 pairs, so the pair set now gets its 262,144 slots at once where it
  // grew there from 65,536 (hash of `tiegraph generate --people 20000 --exchanges 200000 --seed 11 --ego`, f40db47)
  [{ seed: 11, people: 20000, exchanges: 200000, ego: true }, "83e47461a7fdd10f416fc5dbf14eee85b46e406fc019965bd3f3ffae0dafead0"],
];

describe("generateNetwork writes what it wrote before its columns were typed", () => {
  it.each(BEFORE)("%j", (options, sha256) => {
    const text = serializeNetwork(generateNetwork(options));
    expect(createHash("sha256").update(text).digest("hex")).toBe(sha256);
  });

  it("keeps each person's jobs in order, one open at the end, as records would (affiliations taken as columns)", () => {
    const net = generateNetwork({ seed: 7, people: 2000, exchanges: 3000 });
    const affiliations = net.toData().affiliations ?? [];
    expect(affiliations.length).toBe(net.affiliationCount);
    const byPerson = new Map<string, { from?: string; to?: string }[]>();
    for (const a of affiliations) byPerson.set(a.person, [...(byPerson.get(a.person) ?? []), a]);
    expect(byPerson.size).toBe(2001);
    for (const jobs of byPerson.values()) {
      // every job but the last ends before the next starts; the last is open
      for (let j = 0; j + 1 < jobs.length; j++) expect(jobs[j]!.to! < jobs[j + 1]!.from!).toBe(true);
      expect(jobs[jobs.length - 1]!.to).toBeUndefined();
    }
  });
});
