/** Where two outputs differ: character alignment, token alignment, a word diff and top-k overlap. */

/** The first character offset where `a` and `b` differ; null when they are equal. */
export function firstDivergence(a: string, b: string): number | null {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index++) if (a.charCodeAt(index) !== b.charCodeAt(index)) return index;
  return a.length === b.length ? null : length;
}

/** Start offsets of consecutive token texts. */
export function tokenStarts(texts: readonly string[]): number[] {
  const starts: number[] = [];
  let offset = 0;
  for (const text of texts) {
    starts.push(offset);
    offset += text.length;
  }
  return starts;
}

/** The token holding character `offset` (the last token when `offset` is at the very end); null when none. */
export function tokenAtOffset(texts: readonly string[], offset: number): number | null {
  let start = 0;
  for (let index = 0; index < texts.length; index++) {
    const end = start + (texts[index]?.length ?? 0);
    if (offset < end) return index;
    start = end;
  }
  return texts.length > 0 && offset === start ? texts.length - 1 : null;
}

export interface AlignedDifferences {
  /** Indexes (in a) of tokens whose text differs from b's token at the same start offset. */
  a: number[];
  b: number[];
  /** Token pairs that start at the same offset in both. */
  aligned: Array<[number, number]>;
}

/** Tokens aligned by character offset: pairs that start at the same offset, and those whose text differs. */
export function alignTokens(aTexts: readonly string[], bTexts: readonly string[]): AlignedDifferences {
  const aStarts = tokenStarts(aTexts);
  const bStarts = tokenStarts(bTexts);
  const result: AlignedDifferences = { a: [], b: [], aligned: [] };
  let j = 0;
  for (let i = 0; i < aStarts.length; i++) {
    const start = aStarts[i] ?? 0;
    while (j < bStarts.length && (bStarts[j] ?? 0) < start) j++;
    if (j >= bStarts.length) break;
    if (bStarts[j] !== start) continue;
    result.aligned.push([i, j]);
    if (aTexts[i] !== bTexts[j]) {
      result.a.push(i);
      result.b.push(j);
    }
  }
  return result;
}

export interface DiffPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** Words and the whitespace between them, as separate pieces. */
export function words(text: string): string[] {
  return text.split(/(\s+)/).filter((piece) => piece !== '');
}

function pushPart(parts: DiffPart[], kind: DiffPart['kind'], text: string): void {
  const last = parts[parts.length - 1];
  if (last && last.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

/** Longest-common-subsequence table cells above which the middle is shown as one replaced block. */
const MAX_CELLS = 4_000_000;

/** A word-level diff of `a` → `b` (LCS over words; common prefix and suffix trimmed first). */
export function wordDiff(a: string, b: string): DiffPart[] {
  const left = words(a);
  const right = words(b);
  let prefix = 0;
  while (prefix < left.length && prefix < right.length && left[prefix] === right[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < left.length - prefix &&
    suffix < right.length - prefix &&
    left[left.length - 1 - suffix] === right[right.length - 1 - suffix]
  )
    suffix++;
  const x = left.slice(prefix, left.length - suffix);
  const y = right.slice(prefix, right.length - suffix);
  const parts: DiffPart[] = [];
  if (prefix > 0) pushPart(parts, 'same', left.slice(0, prefix).join(''));
  if (x.length * y.length > MAX_CELLS) {
    if (x.length) pushPart(parts, 'removed', x.join(''));
    if (y.length) pushPart(parts, 'added', y.join(''));
  } else {
    // lcs[i][j]: LCS length of x[i..] and y[j..], flattened.
    const width = y.length + 1;
    const lcs = new Uint32Array((x.length + 1) * width);
    for (let i = x.length - 1; i >= 0; i--)
      for (let j = y.length - 1; j >= 0; j--)
        lcs[i * width + j] =
          x[i] === y[j]
            ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1
            : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
    let i = 0;
    let j = 0;
    while (i < x.length && j < y.length) {
      if (x[i] === y[j]) {
        pushPart(parts, 'same', x[i++] ?? '');
        j++;
      } else if ((lcs[(i + 1) * width + j] ?? 0) >= (lcs[i * width + j + 1] ?? 0))
        pushPart(parts, 'removed', x[i++] ?? '');
      else pushPart(parts, 'added', y[j++] ?? '');
    }
    while (i < x.length) pushPart(parts, 'removed', x[i++] ?? '');
    while (j < y.length) pushPart(parts, 'added', y[j++] ?? '');
  }
  if (suffix > 0) pushPart(parts, 'same', left.slice(left.length - suffix).join(''));
  return parts;
}

/** Top alternatives of one token, as texts. */
export type TopSet = readonly string[] | null;

export interface TopOverlap {
  /** Aligned token pairs where both columns returned alternatives. */
  compared: number;
  /** Mean Jaccard overlap of the two alternative sets over those pairs (0..1); null when none. */
  meanOverlap: number | null;
}

/** How far the top alternatives of two columns agree where they produced a token at the same offset. */
export function topOverlap(
  aligned: ReadonlyArray<[number, number]>,
  aTop: (i: number) => TopSet,
  bTop: (j: number) => TopSet,
): TopOverlap {
  let compared = 0;
  let sum = 0;
  for (const [i, j] of aligned) {
    const a = aTop(i);
    const b = bTop(j);
    if (!a || !b || (a.length === 0 && b.length === 0)) continue;
    const left = new Set(a);
    const right = new Set(b);
    let shared = 0;
    for (const text of left) if (right.has(text)) shared++;
    sum += shared / (left.size + right.size - shared);
    compared++;
  }
  return { compared, meanOverlap: compared === 0 ? null : sum / compared };
}
