/**
 * Maximum-weight matching in a general graph: Edmonds' blossom algorithm with Galil's O(n³) dual updates,
 * ported from Joris van Rantwijk's public-domain `mwmatching.py`. With `maxCardinality`, the matching has
 * the most edges possible and, among those, the greatest weight. Weights must be integers (the duals are
 * kept exact by doubling them).
 */

export type WeightedEdge = { i: number; j: number; weight: number };

/** `mate[v]`: the vertex matched with `v`, or -1. */
export function maximumWeightMatching(vertexCount: number, edges: readonly WeightedEdge[], maxCardinality: boolean): number[] {
  const n = vertexCount;
  const edgeCount = edges.length;
  if (edgeCount === 0) return new Array<number>(n).fill(-1);
  const ends: [number, number, number][] = edges.map((edge) => [edge.i, edge.j, edge.weight * 2]);
  let maxWeight = 0;
  for (const [, , weight] of ends) maxWeight = Math.max(maxWeight, weight);

  const endpoint: number[] = new Array<number>(2 * edgeCount);
  for (let k = 0; k < edgeCount; k++) {
    endpoint[2 * k] = ends[k]![0];
    endpoint[2 * k + 1] = ends[k]![1];
  }
  const neighbourEnds: number[][] = Array.from({ length: n }, () => []);
  for (let k = 0; k < edgeCount; k++) {
    neighbourEnds[ends[k]![0]]!.push(2 * k + 1);
    neighbourEnds[ends[k]![1]]!.push(2 * k);
  }
  const mate = new Array<number>(n).fill(-1);
  const label = new Array<number>(2 * n).fill(0);
  const labelEnd = new Array<number>(2 * n).fill(-1);
  const inBlossom = Array.from({ length: n }, (_, v) => v);
  const blossomParent = new Array<number>(2 * n).fill(-1);
  const blossomChilds: (number[] | null)[] = new Array<number[] | null>(2 * n).fill(null);
  const blossomBase = [...Array.from({ length: n }, (_, v) => v), ...new Array<number>(n).fill(-1)];
  const blossomEnds: (number[] | null)[] = new Array<number[] | null>(2 * n).fill(null);
  const bestEdge = new Array<number>(2 * n).fill(-1);
  const blossomBestEdges: (number[] | null)[] = new Array<number[] | null>(2 * n).fill(null);
  const unusedBlossoms = Array.from({ length: n }, (_, index) => n + index);
  const dual = [...new Array<number>(n).fill(maxWeight), ...new Array<number>(n).fill(0)];
  let allowEdge = new Array<boolean>(edgeCount).fill(false);
  let queue: number[] = [];

  const at = <T,>(list: T[], index: number): T => list[((index % list.length) + list.length) % list.length]!;
  const slack = (k: number) => dual[ends[k]![0]]! + dual[ends[k]![1]]! - 2 * ends[k]![2];

  function leaves(b: number, into: number[] = []): number[] {
    if (b < n) into.push(b);
    else for (const child of blossomChilds[b]!) leaves(child, into);
    return into;
  }

  function assignLabel(w: number, t: number, p: number): void {
    const b = inBlossom[w]!;
    label[w] = label[b] = t;
    labelEnd[w] = labelEnd[b] = p;
    bestEdge[w] = bestEdge[b] = -1;
    if (t === 1) queue.push(...leaves(b));
    else if (t === 2) {
      const base = blossomBase[b]!;
      assignLabel(endpoint[mate[base]!]!, 1, mate[base]! ^ 1);
    }
  }

  function scanBlossom(start: number, other: number): number {
    let v = start;
    let w = other;
    const path: number[] = [];
    let base = -1;
    while (v !== -1 || w !== -1) {
      let b = inBlossom[v]!;
      if (label[b]! & 4) {
        base = blossomBase[b]!;
        break;
      }
      path.push(b);
      label[b] = 5;
      if (labelEnd[b] === -1) v = -1;
      else {
        v = endpoint[labelEnd[b]!]!;
        b = inBlossom[v]!;
        v = endpoint[labelEnd[b]!]!;
      }
      if (w !== -1) [v, w] = [w, v];
    }
    for (const b of path) label[b] = 1;
    return base;
  }

  function addBlossom(base: number, k: number): void {
    let [v, w] = ends[k]!;
    const bb = inBlossom[base]!;
    let bv = inBlossom[v]!;
    let bw = inBlossom[w]!;
    const b = unusedBlossoms.pop()!;
    blossomBase[b] = base;
    blossomParent[b] = -1;
    blossomParent[bb] = b;
    const path: number[] = [];
    const endps: number[] = [];
    while (bv !== bb) {
      blossomParent[bv] = b;
      path.push(bv);
      endps.push(labelEnd[bv]!);
      v = endpoint[labelEnd[bv]!]!;
      bv = inBlossom[v]!;
    }
    path.push(bb);
    path.reverse();
    endps.reverse();
    endps.push(2 * k);
    while (bw !== bb) {
      blossomParent[bw] = b;
      path.push(bw);
      endps.push(labelEnd[bw]! ^ 1);
      w = endpoint[labelEnd[bw]!]!;
      bw = inBlossom[w]!;
    }
    blossomChilds[b] = path;
    blossomEnds[b] = endps;
    label[b] = 1;
    labelEnd[b] = labelEnd[bb]!;
    dual[b] = 0;
    for (const leaf of leaves(b)) {
      if (label[inBlossom[leaf]!] === 2) queue.push(leaf);
      inBlossom[leaf] = b;
    }
    const bestEdgeTo = new Array<number>(2 * n).fill(-1);
    for (const child of path) {
      const lists = blossomBestEdges[child] === null ? leaves(child).map((leaf) => neighbourEnds[leaf]!.map((p) => p >> 1)) : [blossomBestEdges[child]!];
      for (const list of lists) {
        for (const edge of list) {
          let [i, j] = ends[edge]!;
          if (inBlossom[j] === b) [i, j] = [j, i];
          const bj = inBlossom[j]!;
          if (bj !== b && label[bj] === 1 && (bestEdgeTo[bj] === -1 || slack(edge) < slack(bestEdgeTo[bj]!))) bestEdgeTo[bj] = edge;
        }
      }
      blossomBestEdges[child] = null;
      bestEdge[child] = -1;
    }
    const best = bestEdgeTo.filter((edge) => edge !== -1);
    blossomBestEdges[b] = best;
    bestEdge[b] = -1;
    for (const edge of best) if (bestEdge[b] === -1 || slack(edge) < slack(bestEdge[b]!)) bestEdge[b] = edge;
  }

  function expandBlossom(b: number, endStage: boolean): void {
    const childs = blossomChilds[b]!;
    for (const s of childs) {
      blossomParent[s] = -1;
      if (s < n) inBlossom[s] = s;
      else if (endStage && dual[s] === 0) expandBlossom(s, endStage);
      else for (const leaf of leaves(s)) inBlossom[leaf] = s;
    }
    if (!endStage && label[b] === 2) {
      const endps = blossomEnds[b]!;
      const entryChild = inBlossom[endpoint[labelEnd[b]! ^ 1]!]!;
      let j = childs.indexOf(entryChild);
      let jStep: number;
      let endTrick: number;
      if (j & 1) {
        j -= childs.length;
        jStep = 1;
        endTrick = 0;
      } else {
        jStep = -1;
        endTrick = 1;
      }
      let p = labelEnd[b]!;
      while (j !== 0) {
        label[endpoint[p ^ 1]!] = 0;
        label[endpoint[at(endps, j - endTrick) ^ endTrick ^ 1]!] = 0;
        assignLabel(endpoint[p ^ 1]!, 2, p);
        allowEdge[at(endps, j - endTrick) >> 1] = true;
        j += jStep;
        p = at(endps, j - endTrick) ^ endTrick;
        allowEdge[p >> 1] = true;
        j += jStep;
      }
      let bv = at(childs, j);
      label[endpoint[p ^ 1]!] = label[bv] = 2;
      labelEnd[endpoint[p ^ 1]!] = labelEnd[bv] = p;
      bestEdge[bv] = -1;
      j += jStep;
      while (at(childs, j) !== entryChild) {
        bv = at(childs, j);
        if (label[bv] === 1) {
          j += jStep;
          continue;
        }
        const labelled = leaves(bv).find((leaf) => label[leaf] !== 0);
        if (labelled !== undefined) {
          label[labelled] = 0;
          label[endpoint[mate[blossomBase[bv]!]!]!] = 0;
          assignLabel(labelled, 2, labelEnd[labelled]!);
        }
        j += jStep;
      }
    }
    label[b] = labelEnd[b] = -1;
    blossomChilds[b] = blossomEnds[b] = null;
    blossomBase[b] = -1;
    blossomBestEdges[b] = null;
    bestEdge[b] = -1;
    unusedBlossoms.push(b);
  }

  function augmentBlossom(b: number, v: number): void {
    let t = v;
    while (blossomParent[t] !== b) t = blossomParent[t]!;
    if (t >= n) augmentBlossom(t, v);
    const childs = blossomChilds[b]!;
    const endps = blossomEnds[b]!;
    const i = childs.indexOf(t);
    let j = i;
    let jStep: number;
    let endTrick: number;
    if (i & 1) {
      j -= childs.length;
      jStep = 1;
      endTrick = 0;
    } else {
      jStep = -1;
      endTrick = 1;
    }
    while (j !== 0) {
      j += jStep;
      t = at(childs, j);
      const p = at(endps, j - endTrick) ^ endTrick;
      if (t >= n) augmentBlossom(t, endpoint[p]!);
      j += jStep;
      t = at(childs, j);
      if (t >= n) augmentBlossom(t, endpoint[p ^ 1]!);
      mate[endpoint[p]!] = p ^ 1;
      mate[endpoint[p ^ 1]!] = p;
    }
    blossomChilds[b] = [...childs.slice(i), ...childs.slice(0, i)];
    blossomEnds[b] = [...endps.slice(i), ...endps.slice(0, i)];
    blossomBase[b] = blossomBase[blossomChilds[b]![0]!]!;
  }

  function augmentMatching(k: number): void {
    const [v, w] = ends[k]!;
    for (const [start, startEnd] of [
      [v, 2 * k + 1],
      [w, 2 * k],
    ] as const) {
      let s: number = start;
      let p: number = startEnd;
      for (;;) {
        const bs = inBlossom[s]!;
        if (bs >= n) augmentBlossom(bs, s);
        mate[s] = p;
        if (labelEnd[bs] === -1) break;
        const t = endpoint[labelEnd[bs]!]!;
        const bt = inBlossom[t]!;
        s = endpoint[labelEnd[bt]!]!;
        const j = endpoint[labelEnd[bt]! ^ 1]!;
        if (bt >= n) augmentBlossom(bt, j);
        mate[j] = labelEnd[bt]!;
        p = labelEnd[bt]! ^ 1;
      }
    }
  }

  for (let stage = 0; stage < n; stage++) {
    label.fill(0);
    bestEdge.fill(-1);
    for (let b = n; b < 2 * n; b++) blossomBestEdges[b] = null;
    allowEdge = new Array<boolean>(edgeCount).fill(false);
    queue = [];
    for (let v = 0; v < n; v++) if (mate[v] === -1 && label[inBlossom[v]!] === 0) assignLabel(v, 1, -1);
    let augmented = false;
    for (;;) {
      while (queue.length > 0 && !augmented) {
        const v = queue.pop()!;
        for (const p of neighbourEnds[v]!) {
          const k = p >> 1;
          const w = endpoint[p]!;
          if (inBlossom[v] === inBlossom[w]) continue;
          let kSlack = 0;
          if (!allowEdge[k]) {
            kSlack = slack(k);
            if (kSlack <= 0) allowEdge[k] = true;
          }
          if (allowEdge[k]) {
            if (label[inBlossom[w]!] === 0) assignLabel(w, 2, p ^ 1);
            else if (label[inBlossom[w]!] === 1) {
              const base = scanBlossom(v, w);
              if (base >= 0) addBlossom(base, k);
              else {
                augmentMatching(k);
                augmented = true;
                break;
              }
            } else if (label[w] === 0) {
              label[w] = 2;
              labelEnd[w] = p ^ 1;
            }
          } else if (label[inBlossom[w]!] === 1) {
            const b = inBlossom[v]!;
            if (bestEdge[b] === -1 || kSlack < slack(bestEdge[b]!)) bestEdge[b] = k;
          } else if (label[w] === 0) {
            if (bestEdge[w] === -1 || kSlack < slack(bestEdge[w]!)) bestEdge[w] = k;
          }
        }
      }
      if (augmented) break;

      let deltaType = -1;
      let delta = 0;
      let deltaEdge = -1;
      let deltaBlossom = -1;
      if (!maxCardinality) {
        deltaType = 1;
        delta = Math.min(...dual.slice(0, n));
      }
      for (let v = 0; v < n; v++) {
        if (label[inBlossom[v]!] === 0 && bestEdge[v] !== -1) {
          const d = slack(bestEdge[v]!);
          if (deltaType === -1 || d < delta) {
            delta = d;
            deltaType = 2;
            deltaEdge = bestEdge[v]!;
          }
        }
      }
      for (let b = 0; b < 2 * n; b++) {
        if (blossomParent[b] === -1 && label[b] === 1 && bestEdge[b] !== -1) {
          const d = slack(bestEdge[b]!) / 2;
          if (deltaType === -1 || d < delta) {
            delta = d;
            deltaType = 3;
            deltaEdge = bestEdge[b]!;
          }
        }
      }
      for (let b = n; b < 2 * n; b++) {
        if (blossomBase[b]! >= 0 && blossomParent[b] === -1 && label[b] === 2 && (deltaType === -1 || dual[b]! < delta)) {
          delta = dual[b]!;
          deltaType = 4;
          deltaBlossom = b;
        }
      }
      if (deltaType === -1) {
        deltaType = 1;
        delta = Math.max(0, Math.min(...dual.slice(0, n)));
      }
      for (let v = 0; v < n; v++) {
        if (label[inBlossom[v]!] === 1) dual[v]! -= delta;
        else if (label[inBlossom[v]!] === 2) dual[v]! += delta;
      }
      for (let b = n; b < 2 * n; b++) {
        if (blossomBase[b]! >= 0 && blossomParent[b] === -1) {
          if (label[b] === 1) dual[b]! += delta;
          else if (label[b] === 2) dual[b]! -= delta;
        }
      }
      if (deltaType === 1) break;
      if (deltaType === 2) {
        allowEdge[deltaEdge] = true;
        let [i, j] = ends[deltaEdge]!;
        if (label[inBlossom[i]!] === 0) [i, j] = [j, i];
        queue.push(i);
      } else if (deltaType === 3) {
        allowEdge[deltaEdge] = true;
        queue.push(ends[deltaEdge]![0]);
      } else if (deltaType === 4) expandBlossom(deltaBlossom, false);
    }
    if (!augmented) break;
    for (let b = n; b < 2 * n; b++) {
      if (blossomParent[b] === -1 && blossomBase[b]! >= 0 && label[b] === 1 && dual[b] === 0) expandBlossom(b, true);
    }
  }
  return mate.map((p) => (p >= 0 ? endpoint[p]! : -1));
}
