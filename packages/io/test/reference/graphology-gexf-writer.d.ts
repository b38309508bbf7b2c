// Types of graphology-gexf's writer module, which the reference exporters (before streaming) write GEXF with.
declare module "graphology-gexf/common/writer.js" {
  import type { AbstractGraph, Attributes } from "graphology-types";
  import type { GexfWriterOptions } from "graphology-gexf/common/types";
  export default function write<N extends Attributes = Attributes, E extends Attributes = Attributes>(graph: AbstractGraph<N, E>, options?: GexfWriterOptions<N, E>): string;
}
