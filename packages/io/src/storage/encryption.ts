/**
 * Encrypted network files: a passphrase-protected envelope around the text
 * of a network file, made with WebCrypto (`globalThis.crypto.subtle`), so the
 * same code runs in Node and in browsers.
 *
 * Key: PBKDF2-HMAC-SHA-256 (RFC 8018) over the passphrase with a random
 * 16-byte salt and 600,000 iterations by default (OWASP's 2023 figure for
 * PBKDF2-SHA-256; WebCrypto has no scrypt). Cipher: AES-256-GCM (NIST SP
 * 800-38D) with a random 12-byte nonce and a 128-bit tag; the envelope's
 * header (format, version, KDF and cipher parameters) is authenticated as
 * additional data, so changing any byte of the file is detected. The envelope
 * format is documented in docs/io.md.
 */
import { TiegraphError, parseNetworkFile, serializeNetworkBytes, type Network } from "@tiegraph/core";

const SCOPE = "tiegraph/io/encryption";
/** Format marker of an encrypted network file. */
export const ENCRYPTED_FORMAT = "tiegraph-encrypted";
/** Current envelope version. */
export const ENCRYPTED_VERSION = 1;
/**
 * Iteration counts accepted, writing and reading: at least 100,000, so a
 * tampered header cannot weaken the key, and at most 2,000,000 (about 3 s of
 * key derivation on a laptop, 3.3 times the default), so a file cannot stall
 * its reader by asking for more.
 */
export const PBKDF2_ITERATION_RANGE: readonly [number, number] = [100_000, 2_000_000];

/** Options of {@link encryptText} and {@link encryptNetworkFile}. */
export interface EncryptionOptions {
  /** PBKDF2 iterations (default 600,000; within {@link PBKDF2_ITERATION_RANGE}, 100,000 to 2,000,000). */
  iterations?: number;
}

/** Defaults of {@link encryptText}. */
export const DEFAULT_ENCRYPTION_OPTIONS: Readonly<Required<EncryptionOptions>> = { iterations: 600_000 };

/** The JSON envelope of an encrypted file. */
export interface EncryptedEnvelope {
  format: typeof ENCRYPTED_FORMAT;
  version: typeof ENCRYPTED_VERSION;
  kdf: { name: "PBKDF2"; hash: "SHA-256"; iterations: number; salt: string };
  cipher: { name: "AES-GCM"; iv: string; tagLength: 128 };
  /** Base64 of ciphertext followed by the 16-byte tag. */
  data: string;
}

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new TiegraphError(SCOPE, "io-error", "WebCrypto is not available here", { expected: "globalThis.crypto.subtle (Node ≥ 20, a browser page served over https or localhost)" });
  return s;
}

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await subtle().importKey("raw", new TextEncoder().encode(passphrase), "PBKDF2", false, ["deriveKey"]);
  return subtle().deriveKey({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, material, { name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
}

/** The authenticated header: everything but the data, in a fixed order. */
function associatedData(e: Pick<EncryptedEnvelope, "kdf" | "cipher">): Uint8Array<ArrayBuffer> {
  const header = [ENCRYPTED_FORMAT, ENCRYPTED_VERSION, e.kdf.name, e.kdf.hash, e.kdf.iterations, e.kdf.salt, e.cipher.name, e.cipher.iv, e.cipher.tagLength];
  return new TextEncoder().encode(JSON.stringify(header));
}

function checkPassphrase(passphrase: unknown): asserts passphrase is string {
  if (typeof passphrase !== "string" || passphrase === "") throw new TiegraphError(SCOPE, "invalid-option", "the passphrase is empty", { expected: "a non-empty passphrase" });
}

/**
 * Encrypts text (e.g. a network file) into a JSON envelope. A fresh salt and
 * nonce are drawn every time, so encrypting the same text twice gives two
 * different files.
 *
 * @example
 * ```ts
 * const sealed = await encryptText('{"format":"tiegraph","version":1}', "correct horse battery staple");
 * await decryptText(sealed, "correct horse battery staple"); // the same text
 * ```
 */
export async function encryptText(plaintext: string, passphrase: string, options: EncryptionOptions = {}): Promise<string> {
  return encryptBytes(new TextEncoder().encode(plaintext), passphrase, options);
}

/**
 * Most bytes of plain text an encrypted file holds (360 MiB): its envelope
 * carries them in base64, one string 4/3 as long, and a JavaScript string
 * holds at most about 512 million characters.
 */
export const MAX_ENCRYPTED_BYTES = 360 * 2 ** 20;

async function encryptBytes(plain: Uint8Array<ArrayBuffer>, passphrase: string, options: EncryptionOptions): Promise<string> {
  checkPassphrase(passphrase);
  if (plain.length > MAX_ENCRYPTED_BYTES) {
    throw new TiegraphError(SCOPE, "limit-exceeded", `the text to encrypt is ${plain.length} bytes, more than the ${MAX_ENCRYPTED_BYTES} an encrypted file holds (MAX_ENCRYPTED_BYTES)`, {
      expected: `at most ${MAX_ENCRYPTED_BYTES} bytes, or a plain file`,
    });
  }
  const iterations = options.iterations ?? DEFAULT_ENCRYPTION_OPTIONS.iterations;
  if (!Number.isInteger(iterations) || iterations < PBKDF2_ITERATION_RANGE[0] || iterations > PBKDF2_ITERATION_RANGE[1]) {
    throw new TiegraphError(SCOPE, "invalid-option", "invalid PBKDF2 iteration count", { expected: `a whole number from ${PBKDF2_ITERATION_RANGE[0]} to ${PBKDF2_ITERATION_RANGE[1]}`, got: String(iterations) });
  }
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16));
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const head = { kdf: { name: "PBKDF2", hash: "SHA-256", iterations, salt: toBase64(salt) }, cipher: { name: "AES-GCM", iv: toBase64(iv), tagLength: 128 } } as const;
  const key = await deriveKey(passphrase, salt, iterations);
  const sealed = await subtle().encrypt({ name: "AES-GCM", iv, additionalData: associatedData(head), tagLength: 128 }, key, plain);
  const envelope: EncryptedEnvelope = { format: ENCRYPTED_FORMAT, version: ENCRYPTED_VERSION, ...head, data: toBase64(new Uint8Array(sealed)) };
  return JSON.stringify(envelope, null, 1) + "\n";
}

/**
 * Decrypts an envelope made by {@link encryptText}. A wrong passphrase, a
 * changed byte anywhere in the file, or anything that is not such an envelope
 * throws a `TiegraphError` with code `decrypt-failed`; it never returns garbage.
 *
 * @example await decryptText(sealed, passphrase)
 */
export async function decryptText(envelopeText: string, passphrase: string, options: { file?: string } = {}): Promise<string> {
  checkPassphrase(passphrase);
  const fail = (problem: string, expected?: string): TiegraphError => {
    const d: Record<string, string> = {};
    if (options.file !== undefined) d.file = options.file;
    if (expected !== undefined) d.expected = expected;
    return new TiegraphError(SCOPE, "decrypt-failed", problem, d);
  };
  let e: EncryptedEnvelope;
  try {
    e = JSON.parse(envelopeText) as EncryptedEnvelope;
  } catch {
    throw fail("the file is not an encrypted network file (not JSON)", `a JSON envelope with "format": "${ENCRYPTED_FORMAT}"`);
  }
  if (e === null || typeof e !== "object" || e.format !== ENCRYPTED_FORMAT) throw fail("the file is not an encrypted network file", `"format": "${ENCRYPTED_FORMAT}"`);
  if (e.version !== ENCRYPTED_VERSION) throw fail(`unsupported envelope version ${JSON.stringify(e.version)}`, `version ${ENCRYPTED_VERSION}`);
  const k = e.kdf;
  const c = e.cipher;
  const [least, most] = PBKDF2_ITERATION_RANGE;
  if (k && typeof k.iterations === "number" && k.iterations > most) {
    throw fail(`the file asks for ${k.iterations} PBKDF2 iterations, more than the ${most} a file may ask for`, `at most ${most} iterations (PBKDF2_ITERATION_RANGE)`);
  }
  const iterationsOk = k && Number.isInteger(k.iterations) && k.iterations >= least;
  if (!k || k.name !== "PBKDF2" || k.hash !== "SHA-256" || !iterationsOk || typeof k.salt !== "string") throw fail("the key derivation parameters are damaged", `PBKDF2 with SHA-256, a salt and ${least}–${most} iterations`);
  if (!c || c.name !== "AES-GCM" || c.tagLength !== 128 || typeof c.iv !== "string" || typeof e.data !== "string") throw fail("the cipher parameters are damaged", "AES-GCM with a 12-byte nonce and a 128-bit tag");
  const salt = fromBase64(k.salt);
  const iv = fromBase64(c.iv);
  const data = fromBase64(e.data);
  if (!salt || salt.length < 16 || !iv || iv.length !== 12 || !data || data.length < 16) throw fail("the envelope is damaged (bad salt, nonce or data)");
  const key = await deriveKey(passphrase, salt, k.iterations);
  let plain: ArrayBuffer;
  try {
    plain = await subtle().decrypt({ name: "AES-GCM", iv, additionalData: associatedData(e), tagLength: 128 }, key, data);
  } catch {
    throw fail("wrong passphrase, or the file was changed after it was encrypted");
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(plain);
  } catch {
    throw fail("the decrypted content is not text");
  }
}

/** The fields of an envelope, exactly. */
const ENVELOPE_FIELDS = ["cipher", "data", "format", "kdf", "version"];

/**
 * Whether a text is an encrypted network file, without decrypting it: a JSON
 * object with exactly the envelope's fields (`format` set to the marker,
 * `version`, `kdf` and `cipher` objects, `data` text). A CSV or an ordinary
 * JSON file that merely holds the marker as a value is not one. Texts that do
 * not open with `{` and name the marker near the start are rejected without
 * being parsed. Whether the parameters are sound is for {@link decryptText} to say.
 *
 * @example isEncryptedNetworkFile(await encryptText("x", "pw")) // true
 * @example isEncryptedNetworkFile('{"format":"tiegraph-encrypted","people":[]}') // false
 */
export function isEncryptedNetworkFile(text: string): boolean {
  if (!/^\s*\{/.test(text) || !text.slice(0, 400).includes(`"${ENCRYPTED_FORMAT}"`)) return false;
  let e: unknown;
  try {
    e = JSON.parse(text);
  } catch {
    return false;
  }
  if (e === null || typeof e !== "object" || Array.isArray(e)) return false;
  const r = e as Record<string, unknown>;
  const isObject = (v: unknown): boolean => v !== null && typeof v === "object" && !Array.isArray(v);
  return Object.keys(r).sort().join() === ENVELOPE_FIELDS.join() && r.format === ENCRYPTED_FORMAT && isObject(r.kdf) && isObject(r.cipher) && typeof r.data === "string";
}

/**
 * Serialises a network to the network file format (everything kept: an
 * encrypted file is a private copy) and encrypts it.
 *
 * @example
 * ```ts
 * writeFileSync("network.tiegraph.enc", await encryptNetworkFile(network, passphrase));
 * ```
 */
export async function encryptNetworkFile(network: Network, passphrase: string, options: EncryptionOptions = {}): Promise<string> {
  // Written piece by piece as bytes: the file's text need never be one string; a file too large to seal stops early.
  const pieces: Uint8Array[] = [];
  let size = 0;
  for (const bytes of serializeNetworkBytes(network)) {
    size += bytes.length;
    if (size > MAX_ENCRYPTED_BYTES) {
      throw new TiegraphError(SCOPE, "limit-exceeded", `the network file is more than ${MAX_ENCRYPTED_BYTES} bytes, the most an encrypted file holds (MAX_ENCRYPTED_BYTES)`, {
        expected: `a network file of at most ${MAX_ENCRYPTED_BYTES} bytes, or a plain file`,
      });
    }
    pieces.push(bytes);
  }
  const plain = new Uint8Array(size);
  let at = 0;
  for (const p of pieces) {
    plain.set(p, at);
    at += p.length;
  }
  return encryptBytes(plain, passphrase, options);
}

/**
 * Decrypts an encrypted network file and parses it into a network.
 * Decryption problems throw `decrypt-failed`; a network file that does not
 * parse throws the usual format errors.
 *
 * @example const network = await decryptNetworkFile(readFileSync("network.tiegraph.enc", "utf8"), passphrase);
 */
export async function decryptNetworkFile(envelopeText: string, passphrase: string, options: { file?: string } = {}): Promise<Network> {
  const text = await decryptText(envelopeText, passphrase, options);
  return parseNetworkFile(text, options.file === undefined ? {} : { file: options.file });
}

// Base64 (RFC 4648) through typed arrays: btoa over binary strings is an order of magnitude slower on large files.
const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B64_CODES = new Uint8Array(64).map((_, i) => B64.charCodeAt(i));
const B64_VALUES = new Int16Array(128).fill(-1).map((v, c) => (B64.indexOf(String.fromCharCode(c)) >= 0 ? B64.indexOf(String.fromCharCode(c)) : v));

function toBase64(bytes: Uint8Array): string {
  const n = bytes.length;
  const out = new Uint8Array(Math.ceil(n / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = B64_CODES[v >> 18]!;
    out[o++] = B64_CODES[(v >> 12) & 63]!;
    out[o++] = B64_CODES[(v >> 6) & 63]!;
    out[o++] = B64_CODES[v & 63]!;
  }
  if (i < n) {
    const v = (bytes[i]! << 16) | ((i + 1 < n ? bytes[i + 1]! : 0) << 8);
    out[o++] = B64_CODES[v >> 18]!;
    out[o++] = B64_CODES[(v >> 12) & 63]!;
    out[o++] = i + 1 < n ? B64_CODES[(v >> 6) & 63]! : 61;
    out[o] = 61;
  }
  return new TextDecoder().decode(out);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (text.length % 4 !== 0) return undefined;
  const pad = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let v = 0;
    for (let k = 0; k < 4; k++) {
      const c = text.charCodeAt(i + k);
      const d = c === 61 && i + k >= text.length - pad ? 0 : c < 128 ? B64_VALUES[c]! : -1;
      if (d < 0) return undefined;
      v = (v << 6) | d;
    }
    if (o < out.length) out[o++] = v >> 16;
    if (o < out.length) out[o++] = (v >> 8) & 255;
    if (o < out.length) out[o++] = v & 255;
  }
  return out;
}
