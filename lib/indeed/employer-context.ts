"use client";

import { createContext, createElement, useContext, type ReactNode } from "react";

/**
 * The active employer the hooks (./hooks.ts) scope their keys by. Its own module so that the app
 * shell, which renders the provider on every page, does not carry the hooks' react-query
 * observers to pages that use none.
 */
const EmployerContext = createContext<string | null>(null);

/** Rendered by the app shell with the session's active employer id. */
export function IndeedEmployerProvider({
  employerId,
  children,
}: {
  employerId: string | null;
  children: ReactNode;
}) {
  return createElement(EmployerContext.Provider, { value: employerId }, children);
}

export function useActiveEmployerId(): string | null {
  return useContext(EmployerContext);
}
