// An empty file (a download or a sync cut short) is said to be empty, naming
// the file, rather than "this kind of file cannot be opened".
import { describe, expect, it } from "vitest";
import { readNetwork } from "../src/worker/read-network.js";

describe("readNetwork on an empty file", () => {
  it("says the file is empty, or holds only white space, and names it", async () => {
    await expect(readNetwork({ kind: "files", files: [new File([], "network.json")] }, () => {})).rejects.toMatchObject({
      code: "invalid-format",
      file: "network.json",
      message: expect.stringContaining("network.json: the file is empty (0 bytes), expected a tiegraph network file"),
    });
    await expect(readNetwork({ kind: "files", files: [new File([" \r\n\n"], "Connections.csv")] }, () => {})).rejects.toMatchObject({
      code: "invalid-format",
      file: "Connections.csv",
      message: expect.stringContaining("Connections.csv: the file holds nothing but white space, expected"),
    });
  });

  it("still calls a file with text in it of an unknown kind", async () => {
    await expect(readNetwork({ kind: "files", files: [new File(["just some notes\n"], "notes.txt")] }, () => {})).rejects.toMatchObject({
      code: "invalid-format",
      message: expect.stringContaining("notes.txt: this kind of file cannot be opened, expected"),
    });
  });
});
