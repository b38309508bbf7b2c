// The sampling of betweennessWithinBudget as it was before its searches kept distance and path
// count side by side (session 5), kept as the reference the new one must equal bit for bit.
import type { DirectedTies } from "../../src/graph/tie-index.js";
import { createRandom } from "../../src/random/seeded-random.js";

/** Hits per person over sampled shortest paths, sampling until `budget` tie visits are spent. */
export function samplePathsBefore(ties: DirectedTies, budget: number, minimumSamples: number, seed: number): { hits: Float64Array; samples: number } {
  const n = ties.nodeCount;
  const P = ties.pairCount;
  const outStart = ties.offsets;
  const outArc = ties.target;
  // the reverse graph, for the search back from t: in-arcs by counting sort
  const inStart = new Int32Array(n + 1);
  for (let p = 0; p < P; p++) inStart[outArc[p]! + 1]!++;
  for (let i = 0; i < n; i++) inStart[i + 1]! += inStart[i]!;
  const fill = inStart.slice(0, n);
  const inArc = new Int32Array(P);
  for (let p = 0; p < P; p++) inArc[fill[outArc[p]!]!++] = ties.source[p]!;

  const rnd = createRandom(seed);
  const hits = new Float64Array(n);
  const distS = new Int32Array(n).fill(-1);
  const distT = new Int32Array(n).fill(-1);
  const sigS = new Float64Array(n);
  const sigT = new Float64Array(n);
  const seenS = new Int32Array(n);
  const seenT = new Int32Array(n);
  let visits = 0;
  let samples = 0;
  while (samples < minimumSamples || visits < budget) {
    samples++;
    const s = rnd.int(n);
    let t = rnd.int(n - 1);
    if (t >= s) t++;
    distS[s] = 0;
    sigS[s] = 1;
    seenS[0] = s;
    distT[t] = 0;
    sigT[t] = 1;
    seenT[0] = t;
    // frontiers are the tails of the seen lists: [fs0, nS) and [ft0, nT)
    let nS = 1;
    let nT = 1;
    let fs0 = 0;
    let ft0 = 0;
    let meetFrom = -1; // the seen list (forward 0 / backward 1) whose newest level meets the other side
    while (nS > fs0 && nT > ft0) {
      let degS = 0;
      for (let i = fs0; i < nS; i++) degS += outStart[seenS[i]! + 1]! - outStart[seenS[i]!]!;
      let degT = 0;
      for (let i = ft0; i < nT; i++) degT += inStart[seenT[i]! + 1]! - inStart[seenT[i]!]!;
      visits += nS - fs0 + nT - ft0;
      if (degS <= degT) {
        const end = nS;
        for (let i = fs0; i < end; i++) {
          const u = seenS[i]!;
          const du = distS[u]! + 1;
          for (let k = outStart[u]!; k < outStart[u + 1]!; k++) {
            const w = outArc[k]!;
            if (distS[w]! < 0) {
              distS[w] = du;
              seenS[nS++] = w;
            }
            if (distS[w] === du) sigS[w]! += sigS[u]!;
          }
        }
        visits += degS;
        fs0 = end;
        for (let i = fs0; i < nS; i++) if (distT[seenS[i]!]! >= 0) meetFrom = 0;
      } else {
        const end = nT;
        for (let i = ft0; i < end; i++) {
          const u = seenT[i]!;
          const du = distT[u]! + 1;
          for (let k = inStart[u]!; k < inStart[u + 1]!; k++) {
            const w = inArc[k]!;
            if (distT[w]! < 0) {
              distT[w] = du;
              seenT[nT++] = w;
            }
            if (distT[w] === du) sigT[w]! += sigT[u]!;
          }
        }
        visits += degT;
        ft0 = end;
        for (let i = ft0; i < nT; i++) if (distS[seenT[i]!]! >= 0) meetFrom = 1;
      }
      if (meetFrom >= 0) break;
    }
    if (meetFrom >= 0) {
      // the meeting people are the newest level of one side; every shortest path crosses exactly one
      const list = meetFrom === 0 ? seenS : seenT;
      const from = meetFrom === 0 ? fs0 : ft0;
      const to = meetFrom === 0 ? nS : nT;
      let total = 0;
      for (let i = from; i < to; i++) {
        const w = list[i]!;
        if (distS[w]! >= 0 && distT[w]! >= 0) total += sigS[w]! * sigT[w]!;
      }
      let pick = rnd() * total;
      let w = -1;
      for (let i = from; i < to; i++) {
        const x = list[i]!;
        if (!(distS[x]! >= 0 && distT[x]! >= 0)) continue;
        w = x;
        pick -= sigS[x]! * sigT[x]!;
        if (pick < 0) break;
      }
      if (w !== s && w !== t) hits[w]!++;
      // back to s: a predecessor u of v with probability σ_s(u) / σ_s(v)
      for (let v = w; distS[v]! > 0; ) {
        let r = rnd() * sigS[v]!;
        let u = -1;
        for (let k = inStart[v]!; k < inStart[v + 1]!; k++) {
          const x = inArc[k]!;
          if (distS[x] !== distS[v]! - 1) continue;
          u = x;
          r -= sigS[x]!;
          if (r < 0) break;
        }
        visits += inStart[v + 1]! - inStart[v]!;
        if (u !== s) hits[u]!++;
        v = u;
      }
      // on to t: a successor x of v with probability σ_t(x) / σ_t(v)
      for (let v = w; distT[v]! > 0; ) {
        let r = rnd() * sigT[v]!;
        let u = -1;
        for (let k = outStart[v]!; k < outStart[v + 1]!; k++) {
          const x = outArc[k]!;
          if (distT[x] !== distT[v]! - 1) continue;
          u = x;
          r -= sigT[x]!;
          if (r < 0) break;
        }
        visits += outStart[v + 1]! - outStart[v]!;
        if (u !== t) hits[u]!++;
        v = u;
      }
    }
    for (let i = 0; i < nS; i++) {
      distS[seenS[i]!] = -1;
      sigS[seenS[i]!] = 0;
    }
    for (let i = 0; i < nT; i++) {
      distT[seenT[i]!] = -1;
      sigT[seenT[i]!] = 0;
    }
  }
  return { hits, samples };
}
