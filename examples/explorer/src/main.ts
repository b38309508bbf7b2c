/**
 * Entry of the explorer page: mounts the explorer on #app and opens the
 * committed sample network (bundled with the page, so no request leaves it).
 */
import "./styles.css";
import { Explorer } from "./explorer.js";

const root = document.getElementById("app");
if (!root) throw new Error("tiegraph explorer: the page has no #app element");
const explorer = new Explorer(root);
void explorer.openSample();
