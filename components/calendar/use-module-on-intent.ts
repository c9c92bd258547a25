"use client";

import { useCallback, useEffect, useState } from "react";

export interface ModuleOnIntent<T> {
  /** What `load` resolved to, once loaded; null before. */
  loaded: T | null;
  /** The load failed (a dropped connection); `retry` asks again. */
  failed: boolean;
  retry: () => void;
}

/**
 * Code the first paint does not need, fetched the first time `wanted` is true (the user's intent)
 * and kept after: the page's first load carries none of it (docs/decisions/0095). `load` is an
 * `import()` picking one export; it is read once, so pass a module-level function.
 */
export function useModuleOnIntent<T>(wanted: boolean, load: () => Promise<T>): ModuleOnIntent<T> {
  // In a box: a loaded export is often a function (a component), which setState would call.
  const [loaded, setLoaded] = useState<{ value: T } | null>(null);
  const [attempt, setAttempt] = useState({ count: 0, failed: false });

  useEffect(() => {
    if (!wanted || loaded || attempt.failed) return;
    let current = true;
    load().then(
      (value) => {
        if (current) setLoaded({ value });
      },
      () => {
        if (current) setAttempt((previous) => ({ ...previous, failed: true }));
      },
    );
    return () => {
      current = false;
    };
  }, [wanted, loaded, attempt, load]);

  const retry = useCallback(
    () => setAttempt((previous) => ({ count: previous.count + 1, failed: false })),
    [],
  );
  return { loaded: loaded?.value ?? null, failed: attempt.failed, retry };
}
