import { readFileSync } from "node:fs";
import { parseNetworkFile, weeklyPlan, planToIcs, relationshipCadences } from "@tiegraph/core";
const net = parseNetworkFile(readFileSync("examples/data/sample-network.json", "utf8"));
const clock = relationshipCadences(net, { asOf: "2026-10-05" });
const count = (f: (c: any) => boolean) => clock.filter(f).length;
console.log("contacts", clock.length, "tiers", ["close","active","wider","acquaintance"].map(t => count(c => c.tier === t)), "status", ["on-time","due","overdue"].map(s => count(c => c.status === s)), "dormant", count(c => c.dormant), "src", count(c=>c.source==="tag"), count(c=>c.source==="person"));
for (const js of [false, true]) {
  const plan = weeklyPlan(net, { week: "2026-10-07", jobSearch: js });
  console.log(JSON.stringify(plan, null, 1).slice(0, 3000));
}
console.log(planToIcs(weeklyPlan(net, { week: "2026-10-07" })));
