/** For CLI tests: a command context over an in-memory file system that records what was written. */
import type { Assemble, CommandContext } from './command';
import type { FileSystem } from './files';

export interface MemoryContext extends CommandContext {
  files: FileSystem & { contents: Map<string, Uint8Array> };
  output(): { stdout: string; stderr: string };
}

export function memoryContext(files: Record<string, string | Uint8Array> = {}, assemble?: Assemble): MemoryContext {
  const contents = new Map<string, Uint8Array>();
  for (const [path, content] of Object.entries(files)) {
    contents.set(path, typeof content === 'string' ? new TextEncoder().encode(content) : content);
  }
  let stdout = '';
  let stderr = '';
  return {
    stdout: (text) => { stdout += text; },
    stderr: (text) => { stderr += text; },
    assemble,
    files: {
      contents,
      readBytes(path) {
        const value = contents.get(path);
        return value ? { ok: true, value } : { ok: false, reason: 'no such file' };
      },
      writeBytes(path, bytes) {
        if (path.startsWith('/readonly/')) return { ok: false, reason: 'permission denied' };
        contents.set(path, bytes);
        return { ok: true, value: undefined };
      },
    },
    output: () => ({ stdout, stderr }),
  };
}
