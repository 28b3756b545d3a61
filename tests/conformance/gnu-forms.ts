/**
 * Keeps the generated forms GNU `as -march=armv7ve` takes without an error or
 * a warning (UNPREDICTABLE register choices and the like drop out here) and
 * records the word GNU makes of each. All forms go through one file, so the
 * tools start once per pass, not once per form.
 */
import { FORMS_HEADER, hexWord, type FormCandidate } from './forms';
import { buildWithGnu } from './gnu';
import type { GoldenForm } from './golden';

export interface GnuForms {
  forms: GoldenForm[];
  /** How many candidates GNU refused, by row. */
  rejectedByRow: Map<string, number>;
  /** First refusal message per row, for rows that kept nothing. */
  firstReasonByRow: Map<string, string>;
}

export function acceptFormsWithGnu(candidates: readonly FormCandidate[], perRow: number): GnuForms {
  const rejectedByRow = new Map<string, number>();
  const firstReasonByRow = new Map<string, string>();
  const reject = (candidate: FormCandidate, reason: string) => {
    rejectedByRow.set(candidate.row, (rejectedByRow.get(candidate.row) ?? 0) + 1);
    if (!firstReasonByRow.has(candidate.row)) firstReasonByRow.set(candidate.row, reason);
  };
  let kept = [...candidates];
  for (let pass = 0; pass < 8; pass++) {
    const source = [...FORMS_HEADER, ...kept.map((candidate) => candidate.source), ''].join('\n');
    const build = buildWithGnu(source);
    if (build.ok) {
      const text = build.sections.find((section) => section.name === '.text');
      if (text && text.size === kept.length * 4) {
        const view = new DataView(text.bytes.buffer, text.bytes.byteOffset, text.bytes.byteLength);
        // Keep `perRow` per row, in generation order.
        const counts = new Map<string, number>();
        const forms: GoldenForm[] = [];
        kept.forEach((candidate, index) => {
          const count = counts.get(candidate.row) ?? 0;
          if (count >= perRow) return;
          counts.set(candidate.row, count + 1);
          forms.push({
            row: candidate.row,
            word: hexWord(candidate.word),
            source: candidate.source,
            gnu: hexWord(view.getUint32(index * 4, true)),
          });
        });
        return { forms, rejectedByRow, firstReasonByRow };
      }
      // Some line made other than one word: find it line by line.
      kept = kept.filter((candidate) => {
        const alone = buildWithGnu([...FORMS_HEADER, candidate.source, ''].join('\n'));
        const size = alone.ok ? alone.sections.find((section) => section.name === '.text')?.size : undefined;
        if (size === 4) return true;
        reject(candidate, alone.ok ? `made ${size ?? 0} bytes, not 4` : alone.messages[0]?.text ?? 'refused');
        return false;
      });
      continue;
    }
    const badLines = new Map<number, string>();
    for (const message of build.messages) {
      if (message.line > FORMS_HEADER.length && !badLines.has(message.line)) badLines.set(message.line, message.text);
    }
    if (badLines.size === 0) {
      throw new Error('GNU as/ld refused the forms file without naming a line:\n' + build.messages.map((m) => m.text).join('\n'));
    }
    kept = kept.filter((candidate, index) => {
      const reason = badLines.get(FORMS_HEADER.length + 1 + index);
      if (reason === undefined) return true;
      reject(candidate, reason.replace(/^[^:]*:\d+:\s*/, ''));
      return false;
    });
  }
  throw new Error('GNU as kept refusing the forms file after 8 passes');
}
