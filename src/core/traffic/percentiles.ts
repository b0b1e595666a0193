/**
 * The values at the given nearest ranks (1-based, ascending) of `values`, which is reordered in
 * place. Quickselect, one rank after another from the highest, each on the part left of the one
 * before; any part that partitions badly is sorted instead, so no input costs more than a sort.
 */
export function valuesAtRanks(values: Float64Array, ranks: readonly number[]): number[] {
  const order = ranks.map((rank, i) => ({ rank, i })).sort((a, b) => b.rank - a.rank);
  const out = new Array<number>(ranks.length).fill(0);
  let high = values.length - 1;
  for (const { rank, i } of order) {
    if (values.length === 0) break;
    const k = Math.min(values.length, Math.max(1, rank)) - 1;
    select(values, 0, Math.max(k, Math.min(high, values.length - 1)), k);
    out[i] = values[k] as number;
    high = k;
  }
  return out;
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i] as number;
  a[i] = a[j] as number;
  a[j] = t;
}

/** Puts the k-th smallest of a[lo..hi] at index k, smaller ones before it and larger ones after. */
function select(a: Float64Array, lo: number, hi: number, k: number): void {
  let budget = 2 * Math.ceil(Math.log2(hi - lo + 2)) + 8;
  while (hi > lo) {
    if (budget-- <= 0) {
      a.subarray(lo, hi + 1).sort();
      return;
    }
    // median of three as the pivot
    const mid = lo + ((hi - lo) >> 1);
    if ((a[mid] as number) < (a[lo] as number)) swap(a, mid, lo);
    if ((a[hi] as number) < (a[lo] as number)) swap(a, hi, lo);
    if ((a[hi] as number) < (a[mid] as number)) swap(a, hi, mid);
    const pivot = a[mid] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}
