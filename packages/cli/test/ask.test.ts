// `tiegraph ask`, in-process: a request is created with a drafted message,
// moved on step by step with the exchanges recorded in the file, illegal
// steps fail without touching the file, an encrypted file stays encrypted,
// and `tiegraph plan` lists the open requests with age and stall.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Network, listRequests, parseNetworkFile, reciprocityLedger, serializeNetwork } from "@tiegraph/core";
import { decryptNetworkFile, encryptNetworkFile, isEncryptedNetworkFile } from "@tiegraph/io";
import { runCli } from "../src/program.js";
import { fakeTerminal } from "./fake-terminal.js";
import { tempDir } from "./run-cli.js";

function networkFile(): string {
  const net = Network.from({
    ego: "me",
    organisations: [{ id: "beta", name: "Beta" }],
    people: [
      { id: "me", name: "Sam" },
      { id: "ann", name: "Ann Lee" },
      { id: "bob", name: "Bob Roy" },
      { id: "cy", name: "Cy\u001b[31m Red" },
    ],
    affiliations: [{ person: "bob", organisation: "beta" }],
    exchanges: [{ date: "2026-02-01", kind: "meeting", from: "me", to: "ann" }],
  });
  const file = join(tempDir(), "net.json");
  writeFileSync(file, serializeNetwork(net));
  return file;
}

async function tiegraph(args: string[], env: Record<string, string> = {}): Promise<{ status: number; stdout: string; stderr: string }> {
  const t = fakeTerminal([], env);
  const status = await runCli(args, t.terminal);
  return { status, stdout: t.output(), stderr: t.shown() };
}

describe("tiegraph ask", () => {
  it("creates a request, prints its id and the drafted message, and saves it to the file", async () => {
    const file = networkFile();
    const r = await tiegraph(["ask", file, "--to", "bob", "--via", "ann", "--why", "advice on pricing", "--offer", "our churn study", "--date", "2026-03-02"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe(`asked: request r1 (saved to ${file})`);
    expect(r.stdout).toContain("Message to Ann Lee:\n\nHi Ann Lee,\n");
    expect(r.stdout).toContain("Could you introduce me to Bob Roy (Beta)? I am hoping for advice on pricing. In return I could offer our churn study.");
    const saved = parseNetworkFile(readFileSync(file, "utf8"));
    expect(saved.findRequest("r1")).toEqual({ id: "r1", from: "me", via: "ann", to: "bob", why: "advice on pricing", offer: "our churn study", steps: [{ step: "asked", date: "2026-03-02" }] });
    expect(JSON.parse(readFileSync(file, "utf8")).version).toBe(2);
  });

  it("moves the request on; introduced records the introduction from ann, and I owe ann 3 more", async () => {
    const file = networkFile();
    await tiegraph(["ask", file, "--to", "bob", "--via", "ann", "--date", "2026-03-02"]);
    expect((await tiegraph(["ask", file, "--request", "r1", "--step", "agreed", "--date", "2026-03-03"])).stdout).toBe("r1: connector-agreed on 2026-03-03\n");
    expect((await tiegraph(["ask", file, "--request", "r1", "--step", "target-agreed", "--date", "2026-03-04"])).status).toBe(0);
    const before = reciprocityLedger(parseNetworkFile(readFileSync(file, "utf8")), { asOf: "2026-03-05" }).entries.find((e) => e.contact === "ann")!;
    const r = await tiegraph(["ask", file, "--request", "r1", "--step", "introduced", "--date", "2026-03-05"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("r1: introduced on 2026-03-05\nrecorded in the ledger: Ann Lee introduced Sam to Bob Roy (request:r1:introduced)\n");
    const after = parseNetworkFile(readFileSync(file, "utf8"));
    expect(after.exchangeAt(after.exchangeIndex("request:r1:introduced"))).toMatchObject({ kind: "introduction", from: "ann", to: "me", introduced: "bob", date: "2026-03-05" });
    // received from ann: 0 → 3 (the introduction, on the reference day: no decay)
    const ann = reciprocityLedger(after, { asOf: "2026-03-05" }).entries.find((e) => e.contact === "ann")!;
    expect([before.received, ann.received, ann.balance - before.balance]).toEqual([0, 3, -3]);
    expect((await tiegraph(["ask", file, "--request", "r1", "--step", "met", "--date", "2026-03-06", "--format", "coffee", "--minutes", "40"])).stdout).toBe("r1: met on 2026-03-06\nrecorded in the ledger: Sam met Bob Roy (request:r1:met)\n");
    await tiegraph(["ask", file, "--request", "r1", "--step", "met", "--date", "2026-03-06"]); // refused: already met
    const saved = parseNetworkFile(readFileSync(file, "utf8"));
    const metJson = { ...saved.exchangeAt(saved.findExchange("request:r1:met")) };
    expect(metJson).toEqual({ id: "request:r1:met", date: "2026-03-06", kind: "meeting", from: "me", to: "bob", format: "coffee", minutes: 40 });
    const thanked = await tiegraph(["ask", file, "--request", "r1", "--step", "thanked", "--thanks", "favour", "--date", "2026-03-07", "--json"]);
    // --json prints the RequestChange: the request with its new step, and the favour back to ann
    const change = JSON.parse(thanked.stdout);
    expect(change.request.steps.at(-1)).toEqual({ step: "thanked", date: "2026-03-07" });
    expect(change.exchanges).toEqual([{ id: "request:r1:thanked", date: "2026-03-07", kind: "favour", from: "me", to: "ann" }]);
    const list = await tiegraph(["ask", file]);
    expect(list.stdout).toBe("r1  thanked 2026-03-07  to Bob Roy via Ann Lee  (done)\n");
    const json = JSON.parse((await tiegraph(["ask", file, "--json"])).stdout);
    expect(json).toEqual(JSON.parse(JSON.stringify(listRequests(parseNetworkFile(readFileSync(file, "utf8"))))));
    expect(json[0].steps.map((x: { step: string }) => x.step)).toEqual(["asked", "connector-agreed", "target-agreed", "introduced", "met", "thanked"]);
  });

  it("an illegal step exits 1 naming the request and leaves the file as it was", async () => {
    const file = networkFile();
    await tiegraph(["ask", file, "--to", "bob", "--via", "ann", "--date", "2026-03-02"]);
    const bytes = readFileSync(file, "utf8");
    const skip = await tiegraph(["ask", file, "--request", "r1", "--step", "met", "--date", "2026-03-03"]);
    expect(skip.status).toBe(1);
    expect(skip.stderr).toContain('request "r1": "met" cannot follow "asked" (it skips a step), expected one of connector-agreed, connector-declined');
    const early = await tiegraph(["ask", file, "--request", "r1", "--step", "agreed", "--date", "2026-03-01"]);
    expect(early.status).toBe(1);
    expect(early.stderr).toContain("before the previous step");
    await tiegraph(["ask", file, "--request", "r1", "--step", "declined", "--date", "2026-03-03"]);
    const closed = await tiegraph(["ask", file, "--request", "r1", "--step", "target-agreed", "--date", "2026-03-04"]);
    expect(closed.status).toBe(1);
    expect(closed.stderr).toContain("the request is closed");
    expect(parseNetworkFile(readFileSync(file, "utf8")).findRequest("r1")!.steps.map((s) => s.step)).toEqual(["asked", "connector-declined"]);
    expect(bytes).not.toBe(readFileSync(file, "utf8")); // the decline was saved
  });

  it.each<[string, string[], string]>([
    ["no connector", ["--to", "bob"], "needs --via"],
    ["both a person and an organisation", ["--to", "bob", "--org", "beta", "--via", "ann"], "one of them"],
    ["an unknown person", ["--to", "zed", "--via", "ann"], '--to: no person with id "zed"'],
    ["a step without a request", ["--step", "met"], "needs both --request ID and --step STEP"],
    ["an unknown step", ["--request", "r1", "--step", "approved"], "expected one of agreed, declined"],
    ["an unknown request", ["--request", "r9", "--step", "met"], '--request: no request with id "r9"'],
    ["asking and stepping at once", ["--to", "bob", "--via", "ann", "--request", "r1", "--step", "met"], "not both"],
  ])("%s is a usage error (exit 2) and the file is unchanged", async (_, args, message) => {
    const file = networkFile();
    const bytes = readFileSync(file, "utf8");
    const r = await tiegraph(["ask", file, ...args]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(readFileSync(file, "utf8")).toBe(bytes);
  });

  it("a file read encrypted is saved encrypted, with the request in it", async () => {
    const file = networkFile();
    const PASS = "correct horse battery";
    writeFileSync(file, await encryptNetworkFile(parseNetworkFile(readFileSync(file, "utf8")), PASS));
    const r = await tiegraph(["ask", file, "--to", "bob", "--via", "ann", "--date", "2026-03-02"], { TIEGRAPH_PASSPHRASE: PASS });
    expect(r.stderr).toBe(`tiegraph: ${file} is written encrypted with the passphrase of ${file} (--plain writes it decrypted)\n`);
    expect(r.status).toBe(0);
    const text = readFileSync(file, "utf8");
    expect(isEncryptedNetworkFile(text)).toBe(true);
    expect(text).not.toContain("Bob Roy");
    expect((await decryptNetworkFile(text, PASS)).findRequest("r1")!.steps).toEqual([{ step: "asked", date: "2026-03-02" }]);
    // --plain writes it back decrypted, on purpose, with a warning
    const plain = await tiegraph(["ask", file, "--request", "r1", "--step", "agreed", "--date", "2026-03-03", "--plain"], { TIEGRAPH_PASSPHRASE: PASS });
    expect(plain.status).toBe(0);
    expect(plain.stderr).toContain("is written DECRYPTED (--plain)");
    expect(parseNetworkFile(readFileSync(file, "utf8")).findRequest("r1")!.steps.map((s) => s.step)).toEqual(["asked", "connector-agreed"]);
  });

  it("prints names as plain text, without terminal control characters", async () => {
    const file = networkFile();
    const r = await tiegraph(["ask", file, "--to", "cy", "--via", "ann", "--date", "2026-03-02"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("introduce me to Cy[31m Red?");
    expect(r.stdout).not.toContain("\u001b");
  });
});

describe("tiegraph plan lists open requests", () => {
  it("with their age, next move and a nudge when stalled", async () => {
    const file = networkFile();
    await tiegraph(["ask", file, "--to", "bob", "--via", "ann", "--date", "2026-03-02"]);
    await tiegraph(["ask", file, "--to", "cy", "--via", "ann", "--date", "2026-03-10"]);
    await tiegraph(["ask", file, "--request", "r2", "--step", "agreed", "--date", "2026-03-11"]);
    const r = await tiegraph(["plan", file, "--week", "2026-03-18"]);
    expect(r.status).toBe(0);
    // on 2026-03-18: r1 asked 16 days ago with no step since (≥ 14: stalled); r2 asked 8 days ago, agreed 7 days ago
    expect(r.stdout).toContain(
      "\nIntroduction requests open on 2026-03-18:\n" +
        "- r1: to Bob Roy via Ann Lee, asked 16 days ago; asked 2026-03-02, next: the connector answers (stalled: no step for 16 days, time for a nudge)\n" +
        "- r2: to Cy[31m Red via Ann Lee, asked 8 days ago; connector-agreed 2026-03-11, next: the target answers the connector\n",
    );
    // the routine up to Wednesday 2026-03-18: no meeting since 2026-02-01 (in the week of 01-26, 45 minutes: a meeting's default)
    expect(r.stdout).toContain(
      "\nRoutine over the last 26 weeks (budget 2h00 a week):\n" +
        "- 0h02 a week on average; 0 of 25 weeks on budget\n" + // 45 / 25 = 1.8 minutes, rounded
        "- this week so far: 0h00 used, 2h00 left\n" +
        "- 100% of the time outside your organisation (target 50%)\n",
    );
    // ann, the connector of both, is on the plan for them
    expect(r.stdout).toContain(
      " with Ann Lee\n" +
        "   why: An introduction request waiting: r1, asked 16 days ago, at asked, stalled: time for a nudge (the connector answers).\n" +
        "   why: An introduction request waiting: r2, asked 8 days ago, at connector-agreed; next: the target answers the connector.\n",
    );
  });

  it("also on a file with confidential exchanges (the plan computes on a copy without them)", async () => {
    const file = networkFile();
    const net = parseNetworkFile(readFileSync(file, "utf8"));
    net.apply({ exchanges: [{ date: "2026-03-05", kind: "information", from: "ann", to: "me", confidential: true }] });
    writeFileSync(file, serializeNetwork(net));
    await tiegraph(["ask", file, "--to", "bob", "--via", "ann", "--date", "2026-03-02", "--why", "a secret plan"]);
    const r = await tiegraph(["plan", file, "--week", "2026-03-18"]);
    expect(r.stdout).toContain("- r1: to Bob Roy via Ann Lee, asked 16 days ago;");
    expect(r.stdout).not.toContain("a secret plan");
  });
});
