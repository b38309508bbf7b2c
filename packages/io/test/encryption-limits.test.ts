// Issue 16.9: an ordinary file taken for an encrypted one, and an encrypted file demanding 10,000,000 PBKDF2 iterations.
import { describe, expect, it } from "vitest";
import { TiegraphError } from "@tiegraph/core";
import { MAX_ENCRYPTED_BYTES, PBKDF2_ITERATION_RANGE, decryptText, encryptNetworkFile, encryptText, exportExchangesCsv, isEncryptedNetworkFile, type EncryptedEnvelope } from "@tiegraph/io";
import { Network, serializeNetwork } from "@tiegraph/core";

const PASS = "correct horse battery staple";

async function failure(p: Promise<unknown>): Promise<TiegraphError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TiegraphError) return e;
    throw e;
  }
  throw new Error("expected a TiegraphError");
}

describe("encrypted-file detection and limits (issue 16.9)", () => {
  it("a format column or field holding the marker does not make a file encrypted", async () => {
    const net = Network.from({ people: [{ id: "a", name: "A" }, { id: "b", name: "B" }], exchanges: [{ date: "2024-01-01", kind: "meeting", from: "a", to: "b", format: "tiegraph-encrypted" }] });
    const csv = exportExchangesCsv(net);
    expect(csv.split("\r\n")[1]).toContain("tiegraph-encrypted");
    expect(isEncryptedNetworkFile(csv)).toBe(false);
    expect(isEncryptedNetworkFile('{"format":"tiegraph-encrypted","version":1,"people":[]}')).toBe(false);
    expect(isEncryptedNetworkFile('{"format": "tiegraph-encrypted", "version": 1, "kdf": {}, "cipher": {}, "data": "", "extra": 1}')).toBe(false);
    expect(isEncryptedNetworkFile('{"format": "tiegraph-encrypted", "version": 1, "kdf": [], "cipher": {}, "data": ""}')).toBe(false);
    expect(isEncryptedNetworkFile('[{"format":"tiegraph-encrypted"}]')).toBe(false);
    expect(isEncryptedNetworkFile('{"format": "tiegraph-encrypted", "version": 1, "kdf": {}, "cipher": {}, "data": "x"}')).toBe(true);
    expect(isEncryptedNetworkFile(await encryptText("{}", PASS, { iterations: 100_000 }))).toBe(true);
  });

  it("refuses an envelope asking for 10,000,000 iterations before deriving any key, naming the cap", async () => {
    const env = JSON.parse(await encryptText("{}", PASS, { iterations: 100_000 })) as EncryptedEnvelope;
    env.kdf.iterations = 10_000_000;
    const e = await failure(decryptText(JSON.stringify(env), PASS, { file: "enc.json" }));
    expect([e.code, e.file]).toEqual(["decrypt-failed", "enc.json"]);
    expect(e.problem).toBe("the file asks for 10000000 PBKDF2 iterations, more than the 2000000 a file may ask for");
    expect(e.expected).toBe("at most 2000000 iterations (PBKDF2_ITERATION_RANGE)");
    expect(PBKDF2_ITERATION_RANGE).toEqual([100_000, 2_000_000]);
  });

  it("writes no file a reader would refuse: encrypting with more than the cap is an invalid option", async () => {
    expect((await failure(encryptText("{}", PASS, { iterations: 2_000_001 }))).code).toBe("invalid-option");
  });
});

describe("encrypting a network file without one whole string (issue 16.9)", () => {
  it("seals the chunked text of the network: decrypting gives serializeNetwork's text exactly", async () => {
    const net = Network.from({ people: [{ id: "a", name: "Zoë \u202E" }, { id: "b", name: "B", notes: "private" }], exchanges: [{ date: "2024-01-01", kind: "meeting", from: "a", to: "b", confidential: true }] });
    const sealed = await encryptNetworkFile(net, PASS, { iterations: 100_000 });
    expect(await decryptText(sealed, PASS)).toBe(serializeNetwork(net));
    expect(MAX_ENCRYPTED_BYTES).toBe(360 * 1024 * 1024);
  });
});
