/**
 * File access for the CLI as values: every failure becomes a one-line reason
 * in plain words ("no such file", "is a directory", "permission denied").
 */
import { readFileSync, writeFileSync } from 'node:fs';

export type FileResult<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface FileSystem {
  readBytes(path: string): FileResult<Uint8Array>;
  writeBytes(path: string, bytes: Uint8Array, executable: boolean): FileResult<void>;
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory, not a file',
  ENOTDIR: 'a part of the path is not a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
};

export function describeFileError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  return REASONS[code] ?? (error instanceof Error ? error.message : String(error));
}

export const nodeFileSystem: FileSystem = {
  readBytes(path) {
    try {
      const buffer = readFileSync(path);
      return { ok: true, value: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) };
    } catch (error) {
      return { ok: false, reason: describeFileError(error) };
    }
  },
  writeBytes(path, bytes, executable) {
    try {
      writeFileSync(path, bytes, { mode: executable ? 0o755 : 0o644 });
      return { ok: true, value: undefined };
    } catch (error) {
      return { ok: false, reason: describeFileError(error) };
    }
  },
};
