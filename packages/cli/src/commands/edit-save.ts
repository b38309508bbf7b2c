/**
 * Saving a network file that `log` or `person` edited: through the commands'
 * one save path (files/network-files.ts), which writes atomically and keeps
 * a file read encrypted encrypted with its passphrase (and says so).
 */
import type { Network } from "@tiegraph/core";
import { writeNetworkFile } from "../files/network-files.js";

/**
 * Saves an edited network over the file it was read from; a network read
 * from an encrypted file is sealed again with the same passphrase.
 *
 * @example await saveEdited("net.json", network);
 */
export async function saveEdited(file: string, network: Network): Promise<void> {
  await writeNetworkFile(file, network);
}
