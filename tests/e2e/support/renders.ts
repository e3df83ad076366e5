// Which React components a page commits, read the way React's DevTools
// profiler reads them: a stand-in for the DevTools hook, installed before the
// board loads, sees every committed fiber tree and notes each component fiber
// that performed work in that commit (a render that reached the DOM phase).
import type { BrowserContext, Page } from 'playwright-core';

export async function installRenderCounter(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    // fiber tags: function, class, forwardRef, simple memo component
    const COMPONENT_TAGS = new Set([0, 1, 11, 15]);
    const PERFORMED_WORK = 1;
    const HOST_COMPONENT = 5;
    type Fiber = {
      tag: number;
      type: unknown;
      flags: number;
      alternate: Fiber | null;
      child: Fiber | null;
      sibling: Fiber | null;
      elementType: unknown;
      stateNode: unknown;
    };
    // the production build shortens components' names: each is also named by the
    // classes of the first element it renders, e.g. "yi<panel.consent-panel>"
    const nameOf = (f: Fiber): string => {
      const t = (f.type ?? f.elementType) as { displayName?: string; name?: string; render?: { name?: string } } | null;
      let host: Fiber | null = f.child;
      while (host !== null && host.tag !== HOST_COMPONENT) host = host.child;
      const cls =
        typeof (host?.stateNode as { className?: unknown } | undefined)?.className === 'string'
          ? (host!.stateNode as { className: string }).className.split(' ').join('.')
          : '';
      return `${t?.displayName || t?.name || t?.render?.name || 'anonymous'}${cls ? `<${cls}>` : ''}`;
    };
    const w = window as unknown as { __renders: { at: number; names: string[] }[]; __lastCommit: number };
    w.__renders = [];
    w.__lastCommit = 0;
    // A subtree React skipped keeps its fiber objects (and their old flags): a fiber
    // counts only if it is not the very object the previous commit's tree held.
    let previous = new WeakSet<Fiber>();
    (window as unknown as Record<string, unknown>).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
      supportsFiber: true,
      renderers: new Map(),
      inject() {
        return 1;
      },
      checkDCE() {},
      onScheduleFiberRoot() {},
      onCommitFiberUnmount() {},
      onPostCommitFiberRoot() {},
      onCommitFiberRoot(_id: number, root: { current: Fiber }) {
        const names: string[] = [];
        const seen = new WeakSet<Fiber>();
        const stack: Fiber[] = root.current.child ? [root.current.child] : [];
        while (stack.length > 0) {
          const f = stack.pop()!;
          seen.add(f);
          // mounted now, or rendered again in this commit
          if (COMPONENT_TAGS.has(f.tag) && !previous.has(f) && (f.alternate === null || (f.flags & PERFORMED_WORK) === PERFORMED_WORK))
            names.push(nameOf(f));
          if (f.sibling) stack.push(f.sibling);
          if (f.child) stack.push(f.child);
        }
        previous = seen;
        const at = performance.timeOrigin + performance.now();
        w.__lastCommit = at;
        if (names.length > 0) w.__renders.push({ at, names });
      },
    };
  });
}

/** Components committed since `since` (epoch ms, the page's clock), in commit order. */
export async function rendersSince(page: Page, since: number): Promise<string[]> {
  return page.evaluate(
    (t) =>
      (window as unknown as { __renders: { at: number; names: string[] }[] }).__renders.filter((r) => r.at >= t).flatMap((r) => r.names),
    since,
  );
}

/** The page's clock (epoch ms with fractions), comparable across pages of one machine. */
export const pageNow = (page: Page): Promise<number> => page.evaluate(() => performance.timeOrigin + performance.now());

/**
 * Waits until the page has committed nothing for `quietMs` since `from` (its
 * board re-reads remote changes at most every 100 ms, so a longer quiet spell
 * means the change has been read and shown).
 */
export async function quiet(page: Page, from: number, quietMs: number): Promise<void> {
  await page.evaluate((t) => {
    (window as unknown as { __quietFrom: number }).__quietFrom = t;
  }, from);
  await page.waitForFunction(
    (q) => {
      const w = window as unknown as { __lastCommit: number; __quietFrom?: number };
      const now = performance.timeOrigin + performance.now();
      return now - Math.max(w.__lastCommit, w.__quietFrom ?? 0) >= q;
    },
    quietMs,
    { polling: 'raf' },
  );
}
