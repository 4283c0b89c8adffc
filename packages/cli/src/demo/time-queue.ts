/**
 * Things to do at given times, taken earliest first (a binary heap); things
 * due at the same time come out in the order they were put in.
 *
 * @example
 * const queue = new TimeQueue<{ atMs: number; what: string }>();
 * queue.push({ atMs: 20, what: 'pay' });
 * queue.push({ atMs: 10, what: 'view' });
 * [...queue.takeDue(15)]; // [{ atMs: 10, what: 'view' }]
 */
export class TimeQueue<T extends { readonly atMs: number }> {
  private readonly heap: { item: T; order: number }[] = [];
  private pushed = 0;

  get size(): number {
    return this.heap.length;
  }

  push(item: T): void {
    this.heap.push({ item, order: this.pushed++ });
    let i = this.heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** Removes and yields, earliest first, what is due at or before `ms`, including what is pushed meanwhile. */
  *takeDue(ms: number): Generator<T, void> {
    while (this.heap.length > 0 && this.heap[0]!.item.atMs <= ms) yield this.pop();
  }

  private pop(): T {
    const top = this.heap[0]!.item;
    const last = this.heap.pop()!;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let first = i;
        if (left < this.heap.length && this.before(left, first)) first = left;
        if (right < this.heap.length && this.before(right, first)) first = right;
        if (first === i) break;
        this.swap(i, first);
        i = first;
      }
    }
    return top;
  }

  private before(a: number, b: number): boolean {
    const x = this.heap[a]!;
    const y = this.heap[b]!;
    return x.item.atMs < y.item.atMs || (x.item.atMs === y.item.atMs && x.order < y.order);
  }

  private swap(a: number, b: number): void {
    const x = this.heap[a]!;
    this.heap[a] = this.heap[b]!;
    this.heap[b] = x;
  }
}
