// Caches for results derived from immutable git objects (a commit sha always
// has the same tree, history and diff), bounded by a crude size cap.

const MAX = 5000;

export class Memo<T> {
  private readonly map = new Map<string, Promise<T>>();

  get(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.map.get(key);
    if (hit) return hit;
    const value = compute();
    if (this.map.size >= MAX) this.map.clear();
    this.map.set(key, value);
    value.catch(() => this.map.delete(key));
    return value;
  }

  set(key: string, value: T): void {
    if (this.map.size >= MAX) this.map.clear();
    this.map.set(key, Promise.resolve(value));
  }
}
