function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0] as number;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j] as number;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      previous[j] = Math.min(above + 1, (previous[j - 1] as number) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length] as number;
}

/** Up to `limit` candidates closest to `name`, best first; names sharing a long substring rank high. */
export function nearestNames(name: string, candidates: readonly string[], limit = 3): string[] {
  const wanted = name.toLowerCase();
  const scored = [...new Set(candidates)].map((candidate) => {
    const lower = candidate.toLowerCase();
    const contains = lower.includes(wanted) || wanted.includes(lower);
    const distance = editDistance(wanted, lower);
    return { candidate, score: contains ? distance / 4 : distance };
  });
  const threshold = Math.max(3, Math.ceil(wanted.length * 0.4));
  return scored
    .filter((entry) => entry.score <= threshold)
    .sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate))
    .slice(0, limit)
    .map((entry) => entry.candidate);
}
