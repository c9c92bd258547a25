"use client";

import { Toast as ToastPrimitive } from "radix-ui";
import { classNames } from "./class-names";
import { dismissToast, useToasts, type ToastTone } from "./toast";

const toneClassName: Record<ToastTone, string> = {
  success: "border-green-700 bg-white",
  error: "border-red-700 bg-white",
  info: "border-brand-600 bg-white",
};

/** The toasts and their region: loaded by ToastProvider (./toast.tsx) with the first toast. */
export default function ToastRegion() {
  const current = useToasts();
  return (
    <ToastPrimitive.Provider swipeDirection="right" duration={6000}>
      {current.map((toast) => (
        <ToastPrimitive.Root
          key={toast.id}
          type={toast.tone === "error" ? "foreground" : "background"}
          onOpenChange={(open) => !open && dismissToast(toast.id)}
          className={classNames(
            "grid grid-cols-[1fr_auto] items-start gap-x-3 rounded-md border-l-4 p-4 shadow-lg ring-1 ring-slate-200",
            toneClassName[toast.tone],
          )}
        >
          <ToastPrimitive.Title className="text-sm font-semibold text-slate-900">
            {toast.title}
          </ToastPrimitive.Title>
          {toast.description && (
            <ToastPrimitive.Description className="col-start-1 text-sm text-slate-700">
              {toast.description}
            </ToastPrimitive.Description>
          )}
          <ToastPrimitive.Close
            aria-label="Dismiss"
            className="col-start-2 row-start-1 rounded p-1 text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600"
          >
            <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4">
              <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
            </svg>
          </ToastPrimitive.Close>
        </ToastPrimitive.Root>
      ))}
      <ToastPrimitive.Viewport
        label="Notifications ({hotkey})"
        className="fixed right-0 bottom-0 z-[60] m-0 flex w-96 max-w-[100vw] list-none flex-col gap-2 p-4 outline-none"
      />
    </ToastPrimitive.Provider>
  );
}
