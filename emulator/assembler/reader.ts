/**
 * Splits source text into statements, the way GNU `as` for ARM reads it:
 * `@` and `//` start a comment, `#` as the first character of a statement is a
 * comment, `/* *\/` comments may span lines, and `;` separates statements.
 *
 * Sources nest: files (`.include`) and expansions (macros, `.rept`, `.irp`).
 * Statements from an expansion report the position of the line that invoked it.
 * The current statement lives in the reader's fields; nothing is allocated per
 * statement.
 */

export interface Frame {
  text: string;
  pos: number;
  /** Index into the reader's file list. */
  file: number;
  /** 1-based line of the next statement (file frames). */
  line: number;
  /** Offset where the current line starts (file frames). */
  lineStart: number;
  /** Expansion frames report this position for every statement. */
  expansion: boolean;
  originFile: number;
  originLine: number;
  originColumn: number;
  /** For macro expansions: the macro name (for `.exitm` and messages). */
  macro?: string;
}

/**
 * Remove `/* ... *\/` comments (outside strings). A comment that spans lines
 * joins the text after it to the line where it began, as `as` does; the line
 * breaks it swallowed are put back at the end of that line, so later lines
 * keep their numbers.
 */
export function blankBlockComments(text: string): string {
  if (text.indexOf('/*') < 0) return text;
  const parts: string[] = [];
  let copied = 0;
  let index = 0;
  let owedNewlines = 0;
  const length = text.length;
  while (index < length) {
    const code = text.charCodeAt(index);
    if (code === 10 && owedNewlines > 0) {
      parts.push(text.slice(copied, index), '\n'.repeat(owedNewlines));
      owedNewlines = 0;
      copied = index;
      index++;
    } else if (code === 34) {
      index++;
      while (index < length) {
        const inner = text.charCodeAt(index);
        if (inner === 34 || inner === 10) break;
        index += inner === 92 ? 2 : 1;
      }
      if (index < length && text.charCodeAt(index) === 34) index++;
    } else if ((code === 64 && text.charCodeAt(index - 1) !== 92) || (code === 47 && text.charCodeAt(index + 1) === 47)) {
      // A line comment hides any `/*` after it.
      while (index < length && text.charCodeAt(index) !== 10) index++;
    } else if (code === 47 && text.charCodeAt(index + 1) === 42) {
      const close = text.indexOf('*/', index + 2);
      const stop = close < 0 ? length : close + 2;
      parts.push(text.slice(copied, index), ' ');
      for (let cursor = index; cursor < stop; cursor++) if (text.charCodeAt(cursor) === 10) owedNewlines++;
      copied = index = stop;
    } else {
      index++;
    }
  }
  parts.push(text.slice(copied));
  if (owedNewlines > 0) parts.push('\n'.repeat(owedNewlines));
  return parts.join('');
}

/** Characters the statement splitter must look at: newline ; @ / " ' */
const SPECIAL = new Uint8Array(128);
for (const code of [10, 59, 64, 47, 34, 39]) SPECIAL[code] = 1;

export class SourceReader {
  files: string[] = [];
  /** The text of each file read (by index in `files`), as given. */
  texts: (string | undefined)[] = [];
  frames: Frame[] = [];
  /** The current statement: text[start, end) with comments removed. */
  text = '';
  start = 0;
  end = 0;
  file = 0;
  line = 0;
  /** 1-based column of `start`, or of the invocation for expansions. */
  column = 1;
  /** Offset the columns count from (for mapping offsets in `text` to columns). */
  lineStart = 0;
  expansion = false;
  frame: Frame | undefined;

  fileIndex(name: string): number {
    let index = this.files.indexOf(name);
    if (index < 0) index = this.files.push(name) - 1;
    return index;
  }

  pushFile(name: string, text: string): void {
    const file = this.fileIndex(name);
    this.texts[file] ??= text;
    this.frames.push({
      text: blankBlockComments(text), pos: 0, file, line: 1, lineStart: 0,
      expansion: false, originFile: file, originLine: 0, originColumn: 0,
    });
  }

  /** Push an expansion whose statements all report the current statement's position. */
  pushExpansion(text: string, macro?: string): void {
    this.frames.push({
      text, pos: 0, file: this.file, line: this.line, lineStart: 0,
      expansion: true, originFile: this.file, originLine: this.line, originColumn: this.column, macro,
    });
  }

  /** Drop frames up to and including the innermost expansion of `macro` (`.exitm`). */
  exitMacro(): boolean {
    for (let index = this.frames.length - 1; index >= 0; index--) {
      if (this.frames[index].macro !== undefined) {
        this.frames.length = index;
        return true;
      }
    }
    return false;
  }

  /** The column (1-based) of an offset within the current statement's text. */
  columnOf(offset: number): number {
    return this.expansion ? this.column : offset - this.lineStart + 1;
  }

  /** Advance to the next statement; false when every source is exhausted. */
  next(): boolean {
    for (;;) {
      const frame = this.frames[this.frames.length - 1];
      if (!frame) return false;
      const text = frame.text;
      const length = text.length;
      if (frame.pos >= length) {
        this.frames.pop();
        continue;
      }
      let index = frame.pos;
      const start = index;
      let end = -1;
      let next = -1;
      while (index < length) {
        const code = text.charCodeAt(index);
        if (code >= 128 || SPECIAL[code] === 0) {
          index++;
          continue;
        }
        if (code === 10) {
          end = index;
          next = index + 1;
          break;
        }
        if (code === 59) {
          end = index;
          next = index + 1;
          break;
        }
        if ((code === 64 && text.charCodeAt(index - 1) !== 92) || (code === 47 && text.charCodeAt(index + 1) === 47)) {
          end = index;
          const newline = text.indexOf('\n', index);
          next = newline < 0 ? length : newline;
          break;
        }
        if (code === 34) {
          index++;
          while (index < length) {
            const inner = text.charCodeAt(index);
            if (inner === 34 || inner === 10) break;
            index += inner === 92 ? 2 : 1;
          }
          if (index < length && text.charCodeAt(index) === 34) index++;
          continue;
        }
        if (code === 39) {
          index += text.charCodeAt(index + 1) === 92 ? 3 : 2;
          if (index < length && text.charCodeAt(index) === 39) index++;
          continue;
        }
        index++;
      }
      if (end < 0) {
        end = length;
        next = length;
      }
      if (end > length) end = length;
      this.text = text;
      this.start = start;
      this.end = end;
      this.frame = frame;
      this.expansion = frame.expansion;
      this.lineStart = frame.lineStart;
      if (frame.expansion) {
        this.file = frame.originFile;
        this.line = frame.originLine;
        this.column = frame.originColumn;
      } else {
        this.file = frame.file;
        this.line = frame.line;
        this.column = start - frame.lineStart + 1;
      }
      frame.pos = next;
      if (next > 0 && text.charCodeAt(next - 1) === 10) {
        frame.line++;
        frame.lineStart = next;
      }
      return true;
    }
  }
}
