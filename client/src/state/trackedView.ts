// A snapshot that records what a component reads. The component gets a proxy
// over the store's current snapshot; every leaf it reads (a string, a number,
// a list's length, the keys of a record) is recorded by its path. When the
// store changes, the component is re-rendered only if one of those paths now
// leads to a different value (structural sharing keeps unchanged parts
// identical), so a keystroke in the proposal re-renders what shows the
// proposal and not the agenda. Reads always go to the current snapshot, so a
// component re-rendered for another reason never sees stale data.
import type { MeetingSnapshot } from '@consent/shared';

type Path = readonly PropertyKey[];
const SEP = '\u0000';

function resolve(root: unknown, path: Path): unknown {
  let v = root;
  for (const k of path) {
    if (v === null || v === undefined) return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

export class TrackedView {
  private base: MeetingSnapshot;
  /** Paths read, by their joined key; the value is the path itself. */
  private readonly deps = new Map<string, Path>();
  private readonly proxies = new Map<string, object>();
  readonly snapshot: MeetingSnapshot;

  constructor(base: MeetingSnapshot) {
    this.base = base;
    this.snapshot = this.proxy([]) as MeetingSnapshot;
  }

  /** Whether a read path leads elsewhere in `next` than in the snapshot this view last read. */
  changedIn(next: MeetingSnapshot): boolean {
    if (next === this.base) return false;
    for (const path of this.deps.values()) if (!Object.is(resolve(this.base, path), resolve(next, path))) return true;
    return false;
  }

  /** Nothing this view read changed: it now reads `next`, keeping its identity. */
  rebase(next: MeetingSnapshot): void {
    this.base = next;
  }

  private record(path: Path): void {
    const key = path.map(String).join(SEP);
    if (!this.deps.has(key)) this.deps.set(key, path);
  }

  private proxy(path: Path): object {
    const key = path.map(String).join(SEP);
    const cached = this.proxies.get(key);
    if (cached) return cached;
    const view = this;
    const live = (): Record<PropertyKey, unknown> => (resolve(view.base, path) ?? {}) as Record<PropertyKey, unknown>;
    const target = Array.isArray(resolve(this.base, path)) ? [] : {};
    const p = new Proxy(target, {
      get(_t, k) {
        const obj = live();
        const v = obj[k];
        if (typeof k === 'symbol' || typeof v === 'function') return v;
        const at = [...path, k];
        if (typeof v === 'object' && v !== null) return view.proxy(at);
        view.record(at);
        return v;
      },
      has(_t, k) {
        view.record(path);
        return k in live();
      },
      ownKeys() {
        // the keys depend on the whole object (its identity changes when they do)
        view.record(path);
        return Reflect.ownKeys(live());
      },
      getOwnPropertyDescriptor(t, k) {
        view.record(path);
        const obj = live();
        const d = Reflect.getOwnPropertyDescriptor(obj, k);
        if (!d) return undefined;
        if (Array.isArray(t) && k === 'length') return { ...d, value: (obj as unknown as unknown[]).length };
        return { ...d, configurable: true };
      },
      set() {
        return false;
      },
      deleteProperty() {
        return false;
      },
    });
    this.proxies.set(key, p);
    return p;
  }
}
