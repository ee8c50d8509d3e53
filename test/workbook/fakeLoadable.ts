/* eslint-disable @typescript-eslint/no-explicit-any -- a duck-typed stand-in for Office.js proxies */
// The base of the fake proxies (see fakeExcel.ts): properties readable only after load() and sync().
import type { FakeContext } from './fakeContext';

/** Properties readable only after load() and sync(), with the value as of the sync. */
export class Loadable {
  protected loaded = new Map<string, unknown>();
  constructor(protected ctx: FakeContext) {}
  protected snapshot(): Record<string, () => unknown> {
    return {};
  }
  load(props?: string) {
    const wanted = (props ?? '').split(',').map((p) => p.trim()).filter(Boolean);
    this.ctx.queueLoad(() => {
      const getters = this.snapshot();
      for (const p of wanted) {
        const root = p.split('/')[0];
        if (!(root in getters)) throw new Error(`fake Excel: cannot load ${p}`);
        this.loaded.set(root, getters[root]());
      }
    });
    return this;
  }
  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw Object.assign(new Error(`The property '${prop}' is not available. Load it and call context.sync().`), { code: 'PropertyNotLoaded' });
    return this.loaded.get(prop) as T;
  }
  /** Marks properties loaded right away (items of a loaded collection). */
  prime(values: Record<string, unknown>) {
    for (const [k, v] of Object.entries(values)) this.loaded.set(k, v);
    return this;
  }
}

// Loadable exposes name/type/value for name items through `read`.
Object.defineProperties(Loadable.prototype, {
  type: { get(this: any) { return this.read('type'); }, configurable: true },
  value: { get(this: any) { return this.read('value'); }, configurable: true },
});
Object.defineProperty(Loadable.prototype, 'name', { get(this: any) { return this.read('name'); }, configurable: true });
