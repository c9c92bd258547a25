"use client";

import { DropdownMenu as MenuPrimitive } from "radix-ui";
import type { ComponentProps, ReactNode } from "react";
import { classNames } from "./class-names";

// The Radix menu (popper, focus scope, dismissable layer, portal) behind ./dropdown-menu.tsx,
// fetched the first time a menu is opened rather than with every page.

export const Root = MenuPrimitive.Root;
export const Trigger = MenuPrimitive.Trigger;

export function Content({
  children,
  align = "end",
  className,
}: {
  children: ReactNode;
  align?: "start" | "center" | "end";
  className?: string;
}) {
  return (
    <MenuPrimitive.Portal>
      <MenuPrimitive.Content
        align={align}
        sideOffset={4}
        className={classNames(
          "z-50 min-w-48 rounded-md border border-slate-200 bg-white p-1 shadow-lg focus:outline-none",
          className,
        )}
      >
        {children}
      </MenuPrimitive.Content>
    </MenuPrimitive.Portal>
  );
}

export function Item({
  className,
  tone = "default",
  ...props
}: ComponentProps<typeof MenuPrimitive.Item> & { tone?: "default" | "danger" }) {
  return (
    <MenuPrimitive.Item
      className={classNames(
        "flex cursor-default items-center gap-2 rounded px-2 py-2 text-sm outline-none select-none data-disabled:opacity-50",
        tone === "danger"
          ? "text-red-800 data-highlighted:bg-red-50"
          : "text-slate-900 data-highlighted:bg-brand-50 data-highlighted:text-brand-800",
        className,
      )}
      {...props}
    />
  );
}

export function Label({ className, ...props }: ComponentProps<typeof MenuPrimitive.Label>) {
  return (
    <MenuPrimitive.Label
      className={classNames("px-2 py-1.5 text-xs font-medium text-slate-600", className)}
      {...props}
    />
  );
}

export function Separator() {
  return <MenuPrimitive.Separator className="my-1 h-px bg-slate-200" />;
}
