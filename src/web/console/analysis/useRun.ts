import { useCallback, useRef, useState } from 'react';

export interface RunState<T> {
  data: T | undefined;
  error: Error | undefined;
  running: boolean;
  /** Starts a run; an answer that arrives after a newer run started is dropped. */
  run(load: () => Promise<T>): void;
}

/** An analysis started by the analyst (the Run button), not on every change: the heavier ones take seconds. */
export function useRun<T>(): RunState<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; running: boolean }>({ running: false });
  const latest = useRef(0);
  const run = useCallback((load: () => Promise<T>) => {
    const ticket = ++latest.current;
    setState((previous) => ({ data: previous.data, running: true }));
    load().then(
      (data) => ticket === latest.current && setState({ data, running: false }),
      (error: unknown) => ticket === latest.current && setState({ error: error instanceof Error ? error : new Error(String(error)), running: false }),
    );
  }, []);
  return { data: state.data, error: state.error, running: state.running, run };
}
