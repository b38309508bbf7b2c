// Paths of the realistic fixtures (see fixtures/README.md for what each one mimics).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "fixtures");

/** A fixture's bytes, as a real file read would give them (BOM and CRLF included). */
export function fixture(name: string): Uint8Array {
  return readFileSync(join(FIXTURES, name));
}

/** A fixture's text (BOM kept). */
export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES, name), "utf8");
}
