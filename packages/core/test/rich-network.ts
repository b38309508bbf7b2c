// A generated network with what generation alone leaves out, for tests of copies and loaders:
// exchange notes, explicit ids and tags, a meeting with a format and minutes, an introduction,
// a confidential exchange with a note, and an introduction request (its why and offer are private).
import { generateNetwork, type Network } from "@tiegraph/core";

/** `generateNetwork` with an ego and `confidentialShare`, plus the records above. */
export function richNetwork(seed: number, people: number, exchanges: number, confidentialShare: number): Network {
  const net = generateNetwork({ seed, people, exchanges, ego: true, confidentialShare });
  const ids = net.people().map((p) => p.id);
  net.apply({
    exchanges: [
      { id: "x-conf", date: "2026-01-05", kind: "favour", from: ids[1]!, to: ids[2]!, confidential: true, note: "in confidence" },
      { id: "x-open", date: "2026-01-06", kind: "information", from: ids[2]!, to: ids[1]!, note: "a note", tags: ["t"] },
      { date: "2026-01-07", kind: "meeting", from: ids[0]!, to: ids[3]!, format: "coffee", minutes: 40, value: 2 },
      { date: "2026-01-07", kind: "introduction", from: ids[0]!, to: ids[3]!, introduced: ids[4]! },
    ],
    requests: [{ id: "r1", from: ids[0]!, via: ids[1]!, to: ids[4]!, why: "a private reason", offer: "a private offer", steps: [{ step: "asked", date: "2026-01-08" }] }],
  });
  return net;
}
