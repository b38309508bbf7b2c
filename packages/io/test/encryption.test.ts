import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { TiegraphError, generateNetwork, serializeNetwork } from "@tiegraph/core";
import { decryptNetworkFile, decryptText, encryptNetworkFile, encryptText, isEncryptedNetworkFile, type EncryptedEnvelope } from "@tiegraph/io";

// The smallest accepted work factor keeps the suite quick; the default (600,000) is tested once.
const FAST = { iterations: 100_000 };
const PASS = "correct horse battery staple";

async function failure(p: Promise<unknown>): Promise<TiegraphError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(TiegraphError);
  return e as TiegraphError;
}

describe("encrypted network files", () => {
  it("round-trips a network, with the default work factor", async () => {
    const net = generateNetwork({ seed: 3, people: 50, exchanges: 500 });
    const sealed = await encryptNetworkFile(net, PASS);
    const env = JSON.parse(sealed) as EncryptedEnvelope;
    expect(env.kdf.iterations).toBe(600_000);
    expect(isEncryptedNetworkFile(sealed)).toBe(true);
    expect(isEncryptedNetworkFile(serializeNetwork(net))).toBe(false);
    expect(sealed).not.toContain(net.personAt(1).name);
    const back = await decryptNetworkFile(sealed, PASS, { file: "net.enc" });
    expect(back.toData()).toEqual(net.toData());
  });

  it("writes the documented envelope with a fresh salt and nonce each time", async () => {
    const text = "héllo, wörld\n";
    const a = JSON.parse(await encryptText(text, PASS, FAST)) as EncryptedEnvelope;
    const b = JSON.parse(await encryptText(text, PASS, FAST)) as EncryptedEnvelope;
    expect(Object.keys(a)).toEqual(["format", "version", "kdf", "cipher", "data"]);
    expect(a.format).toBe("tiegraph-encrypted");
    expect(a.version).toBe(1);
    expect(a.kdf).toMatchObject({ name: "PBKDF2", hash: "SHA-256", iterations: 100_000 });
    expect(a.cipher).toMatchObject({ name: "AES-GCM", tagLength: 128 });
    expect(atob(a.kdf.salt)).toHaveLength(16);
    expect(atob(a.cipher.iv)).toHaveLength(12);
    // ciphertext is as long as the UTF-8 text, plus the 16-byte tag
    expect(atob(a.data)).toHaveLength(new TextEncoder().encode(text).length + 16);
    expect(a.kdf.salt).not.toBe(b.kdf.salt);
    expect(a.cipher.iv).not.toBe(b.cipher.iv);
    expect(a.data).not.toBe(b.data);
  });

  it("a wrong passphrase is decrypt-failed, never garbage", async () => {
    const sealed = await encryptText("secret network", PASS, FAST);
    const e = await failure(decryptText(sealed, "Correct horse battery staple"));
    expect(e.code).toBe("decrypt-failed");
    expect(e.problem).toBe("wrong passphrase, or the file was changed after it was encrypted");
  });

  it("any tampered byte is detected (or changes nothing the reader uses)", async () => {
    const plain = "the network file";
    const sealed = await encryptText(plain, PASS, FAST);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: sealed.length - 1 }), fc.integer({ min: 1, max: 94 }), async (at, shift) => {
        const c = sealed.charCodeAt(at);
        const changed = sealed.slice(0, at) + String.fromCharCode(32 + ((c - 32 + shift) % 95)) + sealed.slice(at + 1);
        const result = await decryptText(changed, PASS).then(
          (text) => text,
          (e: unknown) => e,
        );
        if (typeof result === "string") expect(result).toBe(plain);
        else expect((result as TiegraphError).code).toBe("decrypt-failed");
      }),
      { numRuns: 40 },
    );
  });

  it("changing the header is detected: it is authenticated", async () => {
    const env = JSON.parse(await encryptText("x", PASS, FAST)) as EncryptedEnvelope;
    for (const change of [
      (e: EncryptedEnvelope) => (e.kdf.iterations += 1),
      (e: EncryptedEnvelope) => (e.kdf.iterations = 1e12),
      (e: EncryptedEnvelope) => (e.cipher.iv = btoa("A".repeat(12))),
      (e: EncryptedEnvelope) => (e.cipher.tagLength = 96 as 128),
      (e: EncryptedEnvelope) => (e.version = 2 as 1),
      (e: EncryptedEnvelope) => (e.data = e.data.slice(4)),
    ]) {
      const copy = structuredClone(env);
      change(copy);
      expect((await failure(decryptText(JSON.stringify(copy), PASS))).code).toBe("decrypt-failed");
    }
  });

  it("anything that is not an envelope is decrypt-failed; bad options are invalid-option", async () => {
    for (const text of ["", "not json", "[]", '{"format":"tiegraph","version":1}', "null"]) {
      expect((await failure(decryptText(text, PASS, { file: "x.enc" }))).code).toBe("decrypt-failed");
    }
    expect((await failure(decryptText("{}", PASS, { file: "x.enc" }))).file).toBe("x.enc");
    expect((await failure(encryptText("x", ""))).code).toBe("invalid-option");
    expect((await failure(encryptText("x", PASS, { iterations: 1000 }))).code).toBe("invalid-option");
  });
});
