// The passphrase prompt, driven through a fake terminal: no echo, backspace
// edits, a confirmation must match, Ctrl-C cancels, the variable wins.
import { describe, expect, it } from "vitest";
import { getPassphrase } from "../src/passphrase.js";
import { UsageError } from "../src/usage-error.js";
import { fakeTerminal } from "./fake-terminal.js";

describe("getPassphrase", () => {
  it("reads a line in raw mode without echoing it; backspace deletes", async () => {
    const t = fakeTerminal(["hunter3\u007f2\r"]);
    await expect(getPassphrase(t.terminal, { command: "decrypt", file: "net.json" })).resolves.toBe("hunter2");
    expect(t.shown()).toBe("Passphrase for net.json: \n");
    expect(t.rawModes).toEqual([true, false]);
  });

  it("asks twice when choosing one, and fails when the two differ", async () => {
    const ok = fakeTerminal(["s3cret\r", "s3cret\r"]);
    await expect(getPassphrase(ok.terminal, { command: "encrypt", file: "a.json", confirm: true })).resolves.toBe("s3cret");
    expect(ok.shown()).toBe("Passphrase for a.json: \nType it again: \n");
    const differ = fakeTerminal(["s3cret\r", "s3crte\r"]);
    await expect(getPassphrase(differ.terminal, { command: "encrypt", file: "a.json", confirm: true })).rejects.toThrow(new UsageError("encrypt", "the two passphrases differ; nothing was written"));
  });

  it("Ctrl-C cancels and leaves raw mode", async () => {
    const t = fakeTerminal(["abc\u0003"]);
    await expect(getPassphrase(t.terminal, { command: "decrypt", file: "x" })).rejects.toBeInstanceOf(UsageError);
    expect(t.rawModes).toEqual([true, false]);
  });

  it("TIEGRAPH_PASSPHRASE wins without a prompt", async () => {
    const t = fakeTerminal([], { TIEGRAPH_PASSPHRASE: "from-env" });
    await expect(getPassphrase(t.terminal, { command: "decrypt", file: "x" })).resolves.toBe("from-env");
    expect(t.shown()).toBe("");
  });

  it("an empty passphrase is refused", async () => {
    const t = fakeTerminal(["\r"]);
    await expect(getPassphrase(t.terminal, { command: "encrypt", file: "x" })).rejects.toThrow("the passphrase is empty");
  });
});
