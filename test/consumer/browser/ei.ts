// A browser page that needs only the main entries: the E-I index from core and
// a colour encoding from viz; its bundle must not carry sigma.
import { Network, eiIndex } from "@tiegraph/core";
import { LIGHT_THEME, nodeColourEncoding, sceneFromNetwork } from "@tiegraph/viz";

const network = Network.from({
  organisations: [{ id: "acme", name: "Acme" }, { id: "globex", name: "Globex" }],
  people: [{ id: "me", name: "Me" }, { id: "bob", name: "Bob" }],
  affiliations: [{ person: "me", organisation: "acme" }, { person: "bob", organisation: "globex" }],
  exchanges: [{ date: "2024-03-02", kind: "favour", from: "me", to: "bob" }],
});
const colours = nodeColourEncoding(sceneFromNetwork(network), "organisation", LIGHT_THEME);
document.getElementById("ei")!.textContent = `E-I ${eiIndex(network).network}; ${colours.legend?.entries.length} organisations`;
