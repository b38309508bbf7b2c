/**
 * `tiegraph encrypt FILE` and `tiegraph decrypt FILE`: a network file sealed
 * with a passphrase (AES-256-GCM, key from PBKDF2; see io) and opened again.
 * The passphrase comes from TIEGRAPH_PASSPHRASE or a prompt, never from an
 * argument.
 */
import type { Command } from "commander";
import { parseNetworkFile } from "@tiegraph/core";
import { decryptText, encryptText, isEncryptedNetworkFile } from "@tiegraph/io";
import { readText, writeTextFile } from "../files/network-files.js";
import { getPassphrase } from "../passphrase.js";
import type { Terminal } from "../terminal.js";
import { UsageError } from "../usage-error.js";

interface CryptFlags {
  output?: string;
}

/**
 * Adds `encrypt` to the program.
 *
 * @example registerEncrypt(new Command("tiegraph"), processTerminal())
 */
export function registerEncrypt(program: Command, terminal: Terminal): void {
  program
    .command("encrypt")
    .description("encrypt a network file with a passphrase (from TIEGRAPH_PASSPHRASE, else asked twice)")
    .argument("<file>", "network file")
    .option("-o, --output <file>", "where to write the encrypted file (default: replace FILE, keeping no plain copy)")
    .addHelpText("after", "\nExamples:\n  $ tiegraph encrypt net.json                      # asks for the passphrase twice\n  $ TIEGRAPH_PASSPHRASE=… tiegraph encrypt net.json -o net.json.enc\n")
    .action(async (file: string, flags: CryptFlags) => {
      const text = await readText(file);
      if (isEncryptedNetworkFile(text)) throw new UsageError("encrypt", `${file} is already encrypted`);
      parseNetworkFile(text, { file }); // only a valid network file is sealed: its errors name the line
      const passphrase = await getPassphrase(terminal, { command: "encrypt", file, confirm: true });
      const out = flags.output ?? file;
      // the exact bytes are sealed, so decrypt gives back the very same file
      await writeTextFile(out, await encryptText(text, passphrase), { command: "encrypt", networkSave: true });
      terminal.stdout.write(`encrypted ${file}${out === file ? " in place" : ` into ${out}`}\n`);
    });
}

/**
 * Adds `decrypt` to the program.
 *
 * @example registerDecrypt(new Command("tiegraph"), processTerminal())
 */
export function registerDecrypt(program: Command, terminal: Terminal): void {
  program
    .command("decrypt")
    .description("decrypt a network file encrypted by tiegraph (passphrase from TIEGRAPH_PASSPHRASE, else asked)")
    .argument("<file>", "encrypted network file")
    .option("-o, --output <file>", "where to write the plain file (default: replace FILE; - for standard output)")
    .addHelpText("after", "\nExamples:\n  $ tiegraph decrypt net.json                      # asks for the passphrase\n  $ TIEGRAPH_PASSPHRASE=… tiegraph decrypt net.json.enc -o net.json\n")
    .action(async (file: string, flags: CryptFlags) => {
      const text = await readText(file);
      if (!isEncryptedNetworkFile(text)) throw new UsageError("decrypt", `${file} is not an encrypted network file`);
      const passphrase = await getPassphrase(terminal, { command: "decrypt", file });
      const plain = await decryptText(text, passphrase, { file });
      parseNetworkFile(plain, { file }); // never write out something that is not a network file
      const out = flags.output ?? file;
      if (out === "-") {
        terminal.stdout.write(plain);
        return;
      }
      await writeTextFile(out, plain, { command: "decrypt", networkSave: true });
      terminal.stdout.write(`decrypted ${file}${out === file ? " in place" : ` into ${out}`}\n`);
    });
}
