// TextEncoder is a global in Node 20 and in every browser; core's build uses the
// ES library only (no DOM, no Node types), so declare the one part it uses.
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
