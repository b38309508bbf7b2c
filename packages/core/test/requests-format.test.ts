// Requests in the network file: version 2 writes and reads them back exactly,
// version 1 files still read (and may not hold requests), and a bad request
// in a file is an error naming the file, line, record and pointer.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NETWORK_FILE_VERSION, Network, checkBatch, advanceRequest, applyRequestChange, askForIntroduction, parseNetworkFile, serializeNetwork, type IntroductionRequest } from "@tiegraph/core";
import { errorOf } from "./error-of.js";

const people = [
  { id: "me", name: "Me" },
  { id: "ann", name: "Ann" },
  { id: "bob", name: "Bob" },
];
const file = (version: number, requests?: unknown[]): string => JSON.stringify({ format: "tiegraph", version, ego: "me", people, ...(requests ? { requests } : {}) }, null, 2);
const r1: IntroductionRequest = { id: "r1", from: "me", via: "ann", to: "bob", why: "pricing", steps: [{ step: "asked", date: "2026-03-02" }, { step: "connector-agreed", date: "2026-03-04" }] };

describe("requests in the network file", () => {
  it("writes version 2 and reads the requests and the exchanges they recorded back exactly", () => {
    const net = Network.from({ ego: "me", people });
    applyRequestChange(net, askForIntroduction(net, { to: "bob", via: "ann", date: "2026-03-02", why: "pricing", offer: "a tip" }));
    for (const [step, date] of [["connector-agreed", "2026-03-03"], ["target-agreed", "2026-03-04"], ["introduced", "2026-03-05"]] as const) applyRequestChange(net, advanceRequest(net, "r1", step, date));
    const text = serializeNetwork(net);
    const doc = JSON.parse(text);
    expect(NETWORK_FILE_VERSION).toBe(2);
    expect(doc.version).toBe(2);
    expect(doc.requests).toEqual([{ id: "r1", from: "me", via: "ann", to: "bob", why: "pricing", offer: "a tip", steps: [{ step: "asked", date: "2026-03-02" }, { step: "connector-agreed", date: "2026-03-03" }, { step: "target-agreed", date: "2026-03-04" }, { step: "introduced", date: "2026-03-05" }] }]);
    const back = parseNetworkFile(text);
    expect(back.toData()).toEqual(net.toData());
    expect(serializeNetwork(back)).toBe(text);
    // the round-tripped request moves on as the original would
    expect(advanceRequest(back, "r1", "met", "2026-03-06").exchanges).toEqual(advanceRequest(net, "r1", "met", "2026-03-06").exchanges);
  });

  it("a redacted copy keeps the requests' steps but not why and offer", () => {
    const net = Network.from({ people, requests: [{ ...r1, offer: "a tip" }] });
    const doc = JSON.parse(serializeNetwork(net, { redact: true }));
    expect(doc.requests).toEqual([{ id: "r1", from: "me", via: "ann", to: "bob", steps: r1.steps }]);
  });

  it("a network without requests writes no requests section", () => {
    expect(JSON.parse(serializeNetwork(Network.from({ people }))).requests).toBeUndefined();
  });

  it("still reads version 1 files, and rejects requests in one", () => {
    expect(parseNetworkFile(file(1)).personCount).toBe(3);
    expect(parseNetworkFile(file(2, [r1])).findRequest("r1")).toEqual(r1);
    const err = errorOf(() => parseNetworkFile(file(1, [r1]), { file: "old.json" }));
    expect(err).toMatchObject({ code: "invalid-field", pointer: "/requests", file: "old.json" });
    expect(err.message).toContain("requests need version 2");
    expect(errorOf(() => parseNetworkFile(file(3))).code).toBe("unsupported-version");
  });

  it.each<[string, unknown, string, string]>([
    ["an unknown connector", { ...r1, via: "zed" }, "unknown-person", "/requests/0/via"],
    ["a bad step date", { ...r1, steps: [{ step: "asked", date: "2026-02-30" }] }, "invalid-date", "/requests/0/steps/0/date"],
    ["steps out of order (a skip)", { ...r1, steps: [{ step: "asked", date: "2026-03-02" }, { step: "met", date: "2026-03-03" }] }, "invalid-step", "/requests/0/steps/1/step"],
    ["a step dated before the one before", { ...r1, steps: [{ step: "asked", date: "2026-03-02" }, { step: "connector-agreed", date: "2026-03-01" }] }, "invalid-date", "/requests/0/steps/1/date"],
    ["a step after a decline", { ...r1, steps: [{ step: "asked", date: "2026-03-02" }, { step: "connector-declined", date: "2026-03-03" }, { step: "target-agreed", date: "2026-03-04" }] }, "request-closed", "/requests/0/steps/2/step"],
    ["no asked step first", { ...r1, steps: [{ step: "connector-agreed", date: "2026-03-02" }] }, "invalid-step", "/requests/0/steps/0/step"],
    ["an unknown field", { ...r1, urgent: true }, "invalid-field", "/requests/0/urgent"],
  ])("%s is an error naming the file, line, record and pointer", (_, bad, code, pointer) => {
    const text = file(2, [bad]);
    const err = errorOf(() => parseNetworkFile(text, { file: "net.json" }));
    expect(err).toMatchObject({ code, pointer, file: "net.json", record: 'request "r1"' });
    // the line is the line of the field the pointer names
    const last = pointer.split("/").at(-1)!;
    const lines = text.split("\n");
    expect(lines[err.line! - 1]).toContain(/^\d+$/.test(last) ? "{" : `"${last}"`);
  });

  it("a duplicate request id is an error on the second", () => {
    const err = errorOf(() => parseNetworkFile(file(2, [r1, { ...r1 }])));
    expect(err).toMatchObject({ code: "duplicate-id", pointer: "/requests/1/id" });
  });

  it("the people a request names may come in the same batch; nothing is applied when a request is bad", () => {
    const net = new Network();
    net.apply({ people, requests: [r1] });
    expect(net.requests()).toHaveLength(1);
    const other = new Network();
    expect(errorOf(() => other.apply({ people, requests: [{ ...r1, to: "zed" }] })).code).toBe("unknown-person");
    expect(other.personCount).toBe(0);
  });
});

describe("docs/format.md", () => {
  it("its example file, with a request, reads", () => {
    const md = readFileSync(join(import.meta.dirname, "..", "..", "..", "docs", "format.md"), "utf8");
    const example = /```json[^\n]*\n([\s\S]*?)\n```/.exec(md)![1]!;
    const net = parseNetworkFile(example, { file: "format.md" });
    expect(net.findRequest("r1")).toMatchObject({ via: "ann", organisation: "acme", steps: [{ step: "asked", date: "2024-09-02" }, { step: "connector-agreed", date: "2024-09-04" }] });
  });
});

describe("checkBatch: requests in the one validation", () => {
  it("lists every request problem with its record, pointer, file and line, with the rest of the batch's", () => {
    const batch = {
      people,
      exchanges: [{ date: "2026-02-30", kind: "favour" as const, from: "me", to: "ann" }],
      requests: [
        { ...r1, via: "zed" },
        { ...r1, id: "r2", steps: [{ step: "asked" as const, date: "2026-03-02" }, { step: "thanked" as const, date: "2026-03-03" }] },
        { ...r1, id: "r3" },
        { ...r1, id: "r3" },
      ],
    };
    const problems = checkBatch(new Network(), batch, { file: "in.json", lines: { requests: [10, 20, 30, 40] } });
    expect(problems.map((p) => [p.code, p.record, p.pointer, p.file, p.line])).toEqual([
      ["invalid-date", "exchange #0", "/exchanges/0/date", "in.json", undefined],
      ["unknown-person", 'request "r1"', "/requests/0/via", "in.json", 10],
      ["invalid-step", 'request "r2"', "/requests/1/steps/1/step", "in.json", 20],
      ["duplicate-id", 'request "r3"', "/requests/3/id", "in.json", 40],
    ]);
  });
});
