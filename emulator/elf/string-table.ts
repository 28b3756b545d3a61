/** An ELF string table under construction: NUL-terminated names, each stored once. */
const encoder = new TextEncoder();

export class StringTable {
  private readonly offsets = new Map<string, number>();
  private readonly parts: Uint8Array[] = [new Uint8Array(1)];
  private length = 1;

  /** Offset of `name` in the table (0 for the empty name). */
  add(name: string): number {
    if (name === '') return 0;
    const known = this.offsets.get(name);
    if (known !== undefined) return known;
    const encoded = encoder.encode(name);
    const offset = this.length;
    this.parts.push(encoded, new Uint8Array(1));
    this.length += encoded.length + 1;
    this.offsets.set(name, offset);
    return offset;
  }

  get size(): number {
    return this.length;
  }

  writeTo(target: Uint8Array, offset: number): void {
    let position = offset;
    for (const part of this.parts) {
      target.set(part, position);
      position += part.length;
    }
  }
}
