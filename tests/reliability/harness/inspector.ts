// A minimal V8 inspector client: force a full GC in the server process and
// read its heap and active handles (timers, sockets) without touching its code.
import WebSocket from 'ws';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export class Inspector {
  private nextId = 1;
  private pending = new Map<number, Pending>();
  /** The chunks of a heap snapshot being taken. */
  private chunks: string[] | null = null;

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as {
        id?: number;
        method?: string;
        params?: { chunk?: string };
        result?: unknown;
        error?: { message: string };
      };
      if (message.method === 'HeapProfiler.addHeapSnapshotChunk') this.chunks?.push(message.params?.chunk ?? '');
      if (message.id === undefined) return;
      const waiter = this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id);
      if (message.error) waiter.reject(new Error(message.error.message));
      else waiter.resolve(message.result);
    });
    socket.on('close', () => {
      for (const waiter of this.pending.values()) waiter.reject(new Error('inspector closed'));
      this.pending.clear();
    });
  }

  static connect(url: string): Promise<Inspector> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      socket.once('open', () => resolve(new Inspector(socket)));
      socket.once('error', reject);
    });
  }

  call(method: string, params: Record<string, unknown> = {}): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Evaluate an expression in the server's main context; returns its JSON value. */
  async evaluate<T>(expression: string): Promise<T> {
    const result = (await this.call('Runtime.evaluate', { expression, returnByValue: true })) as {
      result: { value: T };
      exceptionDetails?: { text: string };
    };
    if (result.exceptionDetails) throw new Error(`evaluate failed: ${result.exceptionDetails.text}`);
    return result.result.value;
  }

  /** A full, synchronous garbage collection (HeapProfiler.collectGarbage). */
  async gc(): Promise<void> {
    await this.call('HeapProfiler.collectGarbage');
  }

  /** process.memoryUsage() after a full GC. */
  async memoryAfterGc(): Promise<NodeJS.MemoryUsage> {
    await this.gc();
    await this.gc();
    return this.evaluate<NodeJS.MemoryUsage>('process.memoryUsage()');
  }

  /** Counts of process.getActiveResourcesInfo(): 'Timeout', 'TCPSocketWrap', ... */
  async activeResources(): Promise<Record<string, number>> {
    const list = await this.evaluate<string[]>('process.getActiveResourcesInfo()');
    const counts: Record<string, number> = {};
    for (const kind of list) counts[kind] = (counts[kind] ?? 0) + 1;
    return counts;
  }

  /**
   * Timeout objects alive in the heap (after a GC: active timers, refed or not,
   * and any that something still holds). getActiveResourcesInfo() skips unref'd timers.
   */
  async timeoutObjects(): Promise<number> {
    await this.gc();
    const proto = (await this.call('Runtime.evaluate', {
      expression: '(() => { const t = setTimeout(() => {}, 0); clearTimeout(t); return Object.getPrototypeOf(t); })()',
    })) as { result: { objectId: string } };
    const found = (await this.call('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId })) as {
      objects: { objectId: string };
    };
    const length = (await this.call('Runtime.callFunctionOn', {
      objectId: found.objects.objectId,
      functionDeclaration: 'function () { return this.filter((t) => t._destroyed === false).length; }',
      returnByValue: true,
    })) as { result: { value: number } };
    await this.call('Runtime.releaseObject', { objectId: found.objects.objectId });
    await this.call('Runtime.releaseObject', { objectId: proto.result.objectId });
    return length.result.value;
  }

  /**
   * Live JavaScript objects by kind after a full GC, from a heap snapshot: `Map`,
   * `Item` (yjs), closures by function name, and all strings as one count.
   */
  async objectCounts(): Promise<Map<string, number>> {
    this.chunks = [];
    try {
      await this.call('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
      const snapshot = JSON.parse(this.chunks.join('')) as {
        snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
        nodes: number[];
        strings: string[];
      };
      const {
        node_fields: fields,
        node_types: [types],
      } = snapshot.snapshot.meta;
      const typeAt = fields.indexOf('type');
      const nameAt = fields.indexOf('name');
      const counts = new Map<string, number>();
      for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
        const type = types[snapshot.nodes[i + typeAt]!]!;
        const kind =
          type === 'object' || type === 'closure'
            ? `${type} ${snapshot.strings[snapshot.nodes[i + nameAt]!]}`
            : type.endsWith('string')
              ? 'string'
              : null;
        if (kind !== null) counts.set(kind, (counts.get(kind) ?? 0) + 1);
      }
      return counts;
    } finally {
      this.chunks = null;
    }
  }

  close(): void {
    this.socket.close();
  }
}
