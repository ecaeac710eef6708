/**
 * Starting a chart's module worker so that every way it can fail reaches the island, which
 * then never stays busy: the constructor throwing (no worker support, or blocked), the script
 * failing to load or throwing outside a message handler (`error`), and a message that cannot
 * be decoded (`messageerror`). What a failure means differs: the gradient lab computes on the
 * main thread instead (lab/runs.ts), the training lab shows a Korean message and a retry
 * (training/runner.ts).
 */
type WorkerFailure = 'load' | 'message';

/**
 * `create` must call `new Worker(new URL('./….worker.ts', import.meta.url))` itself, so Vite bundles the worker.
 * `shown`: the island tells the reader about a failure itself, so the browser's console need not;
 * otherwise (a silent fallback) the error stays in the console, where tests and the audit see it.
 */
export function spawnWorker<M>(
  create: () => Worker,
  onMessage: (data: M) => void,
  onFail: (failure: WorkerFailure) => void,
  shown = false,
): Worker | null {
  try {
    const w = create();
    w.onmessage = (e: MessageEvent<M>) => onMessage(e.data);
    w.onerror = (e) => {
      if (shown) e.preventDefault();
      onFail('load');
    };
    w.onmessageerror = () => onFail('message');
    return w;
  } catch {
    onFail('load');
    return null;
  }
}
