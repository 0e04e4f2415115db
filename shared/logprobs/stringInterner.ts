/**
 * Interns strings: every distinct token text is stored once and referred to by a small integer.
 * One interner can be shared by the stores of all choices of a run.
 */
export class StringInterner {
  private readonly ids = new Map<string, number>();
  private readonly strings: string[] = [];
  private charCount = 0;

  intern(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(text);
      this.ids.set(text, id);
      this.charCount += text.length;
    }
    return id;
  }

  get(id: number): string {
    const text = this.strings[id];
    if (text === undefined) throw new RangeError(`no interned string ${id}`);
    return text;
  }

  get size(): number {
    return this.strings.length;
  }

  /** Rough estimate: 2 bytes per UTF-16 unit plus ~56 bytes of string header, array slot and map entry. */
  memoryBytes(): number {
    return this.charCount * 2 + this.strings.length * 56;
  }
}
