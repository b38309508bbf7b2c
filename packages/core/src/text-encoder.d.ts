// TextEncoder and TextDecoder are globals in Node 20 and in every browser; core's build uses the
// ES library only (no DOM, no Node types), so declare the parts it uses.
declare class TextEncoder {
  encode(input?: string): Uint8Array<ArrayBuffer>;
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
}
declare class TextDecoder {
  decode(input?: Uint8Array): string;
}
