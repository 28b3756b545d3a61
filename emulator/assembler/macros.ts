/**
 * `.macro` definitions and the text substitution behind macros, `.irp` and
 * `.irpc`: `\name` is replaced by its argument, `\@` by the expansion counter,
 * and `\()` by nothing (to join a parameter to following text).
 */
import { isIdentifierPart, isIdentifierStart, isSpace } from './lexer';

export interface MacroParameter {
  name: string;
  defaultValue: string;
  required: boolean;
  variadic: boolean;
}

export interface Macro {
  name: string;
  parameters: MacroParameter[];
  body: string;
}

/** Split `a, b c` into arguments: by top-level commas, or by spaces when there are none. */
export function splitArguments(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  let sawComma = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 34) {
      const close = findStringEnd(text, index);
      current += text.slice(index, close);
      index = close - 1;
      continue;
    }
    if (code === 40 || code === 91 || code === 123) depth++;
    else if ((code === 41 || code === 93 || code === 125) && depth > 0) depth--;
    if (code === 44 && depth === 0) {
      parts.push(current.trim());
      current = '';
      sawComma = true;
      continue;
    }
    current += text[index];
  }
  const last = current.trim();
  if (last !== '' || sawComma) parts.push(last);
  if (sawComma) return parts;
  return splitBySpaces(last);
}

function splitBySpaces(text: string): string[] {
  const parts: string[] = [];
  let index = 0;
  while (index < text.length) {
    while (index < text.length && isSpace(text.charCodeAt(index))) index++;
    if (index >= text.length) break;
    const start = index;
    while (index < text.length && !isSpace(text.charCodeAt(index))) {
      if (text.charCodeAt(index) === 34) index = findStringEnd(text, index);
      else index++;
    }
    parts.push(text.slice(start, index));
  }
  return parts;
}

function findStringEnd(text: string, quote: number): number {
  let index = quote + 1;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === 34) return index + 1;
    index += code === 92 ? 2 : 1;
  }
  return text.length;
}

/** Parse the operands of `.macro name a, b=1, c:req, d:vararg`. */
export function parseMacroHeader(text: string): { name: string; parameters: MacroParameter[] } | { error: string } {
  const trimmed = text.trim();
  let index = 0;
  while (index < trimmed.length && (isIdentifierPart(trimmed.charCodeAt(index)))) index++;
  const name = trimmed.slice(0, index);
  if (name === '' || !isIdentifierStart(name.charCodeAt(0))) return { error: '.macro needs a name' };
  const rest = trimmed.slice(index).replace(/^\s*,/, '');
  const parameters: MacroParameter[] = [];
  for (const part of splitArguments(rest)) {
    if (part === '') continue;
    const equals = part.indexOf('=');
    let head = equals < 0 ? part : part.slice(0, equals).trim();
    const defaultValue = equals < 0 ? '' : part.slice(equals + 1).trim();
    let required = false;
    let variadic = false;
    const colon = head.indexOf(':');
    if (colon >= 0) {
      const qualifier = head.slice(colon + 1).trim().toLowerCase();
      head = head.slice(0, colon).trim();
      if (qualifier === 'req') required = true;
      else if (qualifier === 'vararg') variadic = true;
      else return { error: `unknown parameter qualifier ':${qualifier}' (use :req or :vararg)` };
    }
    if (!/^[A-Za-z_.$][A-Za-z0-9_.$]*$/.test(head)) return { error: `'${head}' is not a valid parameter name` };
    parameters.push({ name: head, defaultValue, required, variadic });
  }
  return { name, parameters };
}

/** Bind invocation arguments to parameters; returns the values or an error. */
export function bindArguments(macro: Macro, argumentText: string): string[] | { error: string } {
  const values = macro.parameters.map((parameter) => parameter.defaultValue);
  const given = new Array<boolean>(values.length).fill(false);
  const parts = argumentText.trim() === '' ? [] : splitArguments(argumentText);
  let position = 0;
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index];
    const equals = part.indexOf('=');
    if (equals > 0) {
      const key = part.slice(0, equals).trim();
      const keyed = macro.parameters.findIndex((parameter) => parameter.name === key);
      if (keyed >= 0) {
        values[keyed] = part.slice(equals + 1).trim();
        given[keyed] = true;
        continue;
      }
    }
    if (position >= macro.parameters.length) {
      return { error: `too many arguments for macro '${macro.name}' (it takes ${macro.parameters.length})` };
    }
    if (macro.parameters[position].variadic) {
      values[position] = parts.slice(index).join(', ');
      given[position] = true;
      break;
    }
    if (part !== '') {
      values[position] = part;
      given[position] = true;
    }
    position++;
  }
  for (let index = 0; index < values.length; index++) {
    if (macro.parameters[index].required && !given[index]) {
      return { error: `macro '${macro.name}' needs a value for parameter '${macro.parameters[index].name}'` };
    }
  }
  return values;
}

/** Replace `\name`, `\@` and `\()` in a body. */
export function substitute(body: string, names: readonly string[], values: readonly string[], counter: number): string {
  if (body.indexOf('\\') < 0) return body;
  let out = '';
  let copied = 0;
  for (let index = 0; index < body.length; index++) {
    if (body.charCodeAt(index) !== 92) continue;
    const next = body.charCodeAt(index + 1);
    if (next === 64) {
      out += body.slice(copied, index) + String(counter);
      copied = index + 2;
      index++;
      continue;
    }
    if (next === 40 && body.charCodeAt(index + 2) === 41) {
      out += body.slice(copied, index);
      copied = index + 3;
      index += 2;
      continue;
    }
    if (!isIdentifierStart(next)) continue;
    let stop = index + 1;
    while (stop < body.length && isIdentifierPart(body.charCodeAt(stop))) stop++;
    // Longest parameter name that prefixes the identifier (as `as` matches `\param`).
    const word = body.slice(index + 1, stop);
    let matched = -1;
    for (let parameter = 0; parameter < names.length; parameter++) {
      if (names[parameter] === word) {
        matched = parameter;
        break;
      }
    }
    if (matched < 0) continue;
    out += body.slice(copied, index) + values[matched];
    copied = stop;
    index = stop - 1;
  }
  return copied === 0 ? body : out + body.slice(copied);
}
