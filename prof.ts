import { importLinkedInConnections, mergeInto } from "@tiegraph/io";
import { Network } from "@tiegraph/core";
const lines = ["First Name,Last Name,URL,Email Address,Company,Position,Connected On"];
for (let i = 0; i < 100000; i++) lines.push(`Ann${i},Lee,https://www.linkedin.com/in/ann-lee-${i},,"Acme ${i % 500}, Inc.",Engineer,${(i % 28) + 1} Mar 2024`);
const bytes = new TextEncoder().encode(lines.join("\r\n") + "\r\n");
for (let k = 0; k < 3; k++) {
let t = performance.now();
const r = await importLinkedInConnections(bytes);
console.log("import", performance.now() - t); t = performance.now();
const net = new Network();
mergeInto(net, r);
console.log("merge", performance.now() - t);
}
