// Types of graphology-gexf's writer module, imported on its own so the browser build does not pull the parser (which needs DOMParser at load).
declare module "graphology-gexf/common/writer.js" {
  import type { AbstractGraph, Attributes } from "graphology-types";
  import type { GexfWriterOptions } from "graphology-gexf/common/types";
  export default function write<N extends Attributes = Attributes, E extends Attributes = Attributes>(graph: AbstractGraph<N, E>, options?: GexfWriterOptions<N, E>): string;
}
