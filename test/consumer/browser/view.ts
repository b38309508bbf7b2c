// A browser page that draws the network: @tiegraph/viz/browser (sigma, the
// ForceAtlas2 worker) bundled with vite, next to the main entries.
import { Network, eiIndex } from "@tiegraph/core";
import { LIGHT_THEME, nodeColourEncoding, sceneFromNetwork } from "@tiegraph/viz";
import { mountNetworkView } from "@tiegraph/viz/browser";

const network = Network.from({
  ego: "me",
  organisations: [{ id: "acme", name: "Acme" }, { id: "globex", name: "Globex" }],
  people: [{ id: "me", name: "Me" }, { id: "bob", name: "Bob" }],
  affiliations: [{ person: "me", organisation: "acme" }, { person: "bob", organisation: "globex" }],
  exchanges: [{ date: "2024-03-02", kind: "favour", from: "me", to: "bob" }],
});
const ei: number | null = eiIndex(network).network;
const colours = nodeColourEncoding(sceneFromNetwork(network), "organisation", LIGHT_THEME);
document.title = `E-I ${ei}; ${colours.legend?.entries.length} colours`;
mountNetworkView(document.getElementById("graph")!, network);
