/**
 * "Did you mean ...?": the edit distance the assembler, the CLI and the
 * diagnostics' switches use to suggest the spelling a user probably meant.
 */

/** Edit distance counting a swap of two neighbours as one edit (optimal string alignment); above `limit` answers limit + 1 early. */
export function editDistance(left: string, right: string, limit: number): number {
  if (Math.abs(left.length - right.length) > limit) return limit + 1;
  const width = right.length + 1;
  const rows = [0, 1, 2].map(() => new Array<number>(width).fill(0));
  for (let column = 0; column < width; column++) rows[0][column] = column;
  let best = 0;
  for (let row = 1; row <= left.length; row++) {
    const current = rows[row % 3];
    const previous = rows[(row - 1) % 3];
    const before = rows[(row + 1) % 3];
    current[0] = row;
    best = row;
    for (let column = 1; column < width; column++) {
      const cost = left[row - 1] === right[column - 1] ? 0 : 1;
      let value = Math.min(previous[column] + 1, current[column - 1] + 1, previous[column - 1] + cost);
      if (row > 1 && column > 1 && left[row - 1] === right[column - 2] && left[row - 2] === right[column - 1]) {
        value = Math.min(value, before[column - 2] + 1);
      }
      current[column] = value;
      if (value < best) best = value;
    }
    if (best > limit) return limit + 1;
  }
  return rows[left.length % 3][right.length];
}

/** The candidate nearest to `word` (case-insensitive) within `limit` edits, the first of equals; undefined when none is that near. */
export function nearestName(word: string, candidates: Iterable<string>, limit = 2): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase(), limit);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && best.toLowerCase() !== lower ? best : undefined;
}
