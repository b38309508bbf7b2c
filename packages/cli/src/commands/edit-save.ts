/**
 * Saving a network file that `log` or `person` edited: through the commands'
 * one save path (files/network-files.ts), which writes atomically and keeps
 * a file read encrypted encrypted with its passphrase.
 */
import { TiegraphError, type Network } from "@tiegraph/core";
import { isEncryptedNetworkFile } from "@tiegraph/io";
import * as networkFiles from "../files/network-files.js";

/**
 * Saves an edited network over the file it was read from. Where the save path
 * cannot seal an encrypted file again (it reports this by lacking
 * `readFromEncrypted`), an encrypted file is refused rather than written in
 * plain text: nothing is saved.
 *
 * @example await saveEdited("net.json", network);
 */
export async function saveEdited(file: string, network: Network): Promise<void> {
  if (!("readFromEncrypted" in networkFiles) && isEncryptedNetworkFile(await networkFiles.readText(file))) {
    throw new TiegraphError("tiegraph/cli", "invalid-option", "is encrypted, and this build cannot save it encrypted again; nothing was saved", { file, expected: "a plain network file (tiegraph decrypt it first)" });
  }
  await networkFiles.writeNetworkFile(file, network);
}
