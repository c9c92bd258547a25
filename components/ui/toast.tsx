"use client";

import { lazy, Suspense, useCallback, useSyncExternalStore, type ReactNode } from "react";

export type ToastTone = "success" | "error" | "info";

export interface ToastMessage {
  id: number;
  title: string;
  description?: string;
  tone: ToastTone;
}

// Toasts live in a module-level store rather than React state, so a toast raised just before a
// navigation (e.g. "Interview scheduled" then router.push) survives into the next page.
let toasts: ToastMessage[] = [];
let nextId = 1;
/** Once a toast has been shown, the region stays mounted (and its chunk loaded). */
let shown = false;
const listeners = new Set<() => void>();

function emit() {
  if (toasts.length > 0) shown = true;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function showToast(message: {
  title: string;
  description?: string;
  tone?: ToastTone;
}): number {
  const id = nextId++;
  toasts = [...toasts, { id, tone: "info", ...message }];
  emit();
  return id;
}

export function dismissToast(id: number) {
  toasts = toasts.filter((toast) => toast.id !== id);
  emit();
}

const emptyToasts: ToastMessage[] = [];

/** The current toasts, for the region. */
export function useToasts(): ToastMessage[] {
  return useSyncExternalStore(
    subscribe,
    () => toasts,
    () => emptyToasts,
  );
}

/** `const { toast } = useToast(); toast({ title: "Saved", tone: "success" })`. */
export function useToast() {
  const toast = useCallback(
    (message: { title: string; description?: string; tone?: ToastTone }) => showToast(message),
    [],
  );
  return { toast, dismiss: dismissToast };
}

// Radix Toast (and its portal, focus and swipe code) is fetched with the first toast, not with
// every workspace page: most visits raise none.
const ToastRegion = lazy(() => import("./toast-region"));

/**
 * Mount once near the root. Radix Toast announces each toast politely (errors assertively),
 * pauses on hover/focus, and F8 moves focus to the toast region once a toast has been shown.
 */
export function ToastProvider({ children }: { children?: ReactNode }) {
  const current = useToasts();
  return (
    <>
      {children}
      {(shown || current.length > 0) && (
        <Suspense fallback={null}>
          <ToastRegion />
        </Suspense>
      )}
    </>
  );
}
