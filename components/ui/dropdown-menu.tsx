"use client";

import {
  createContext,
  useContext,
  useState,
  type ComponentProps,
  type KeyboardEvent,
  type ReactNode,
} from "react";
import type * as Parts from "./dropdown-menu-parts";

/**
 * A dropdown menu on Radix's (roles, roving focus, typeahead, Escape, focus return). Radix's
 * menu is fetched the first time the menu is opened, not with every page that shows a trigger:
 * until then the trigger is a plain button with the same look and ARIA (`aria-haspopup`,
 * `aria-expanded`), opened by click, Enter, Space or ArrowDown as Radix's is; hovering or
 * focusing it starts the fetch early. Then the Radix menu takes over, open.
 */

type MenuParts = typeof Parts;
let loading: Promise<MenuParts> | undefined;
const loadParts = () => (loading ??= import("./dropdown-menu-parts"));

const PartsContext = createContext<{ parts: MenuParts | null; open: () => void }>({
  parts: null,
  open: () => undefined,
});

export function DropdownMenu({ children }: { children: ReactNode }) {
  const [parts, setParts] = useState<MenuParts | null>(null);
  const open = () => void loadParts().then(setParts);
  return (
    <PartsContext.Provider value={{ parts, open }}>
      {parts ? <parts.Root defaultOpen>{children}</parts.Root> : children}
    </PartsContext.Provider>
  );
}

export function DropdownMenuTrigger({
  onClick,
  onKeyDown,
  ...props
}: Omit<ComponentProps<"button">, "type">) {
  const { parts, open } = useContext(PartsContext);
  if (parts) return <parts.Trigger onClick={onClick} onKeyDown={onKeyDown} {...props} />;
  const openFromKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    onKeyDown?.(event);
    if (["Enter", " ", "ArrowDown"].includes(event.key)) {
      event.preventDefault();
      open();
    }
  };
  return (
    <button
      type="button"
      aria-haspopup="menu"
      aria-expanded={false}
      data-state="closed"
      onPointerEnter={() => void loadParts()}
      onFocus={() => void loadParts()}
      onClick={(event) => {
        onClick?.(event);
        open();
      }}
      onKeyDown={openFromKey}
      {...props}
    />
  );
}

// The menu's inside renders only once the menu has been opened (and its parts fetched).

export function DropdownMenuContent(props: ComponentProps<MenuParts["Content"]>) {
  const { parts } = useContext(PartsContext);
  return parts ? <parts.Content {...props} /> : null;
}

export function DropdownMenuItem(props: ComponentProps<MenuParts["Item"]>) {
  const { parts } = useContext(PartsContext);
  return parts ? <parts.Item {...props} /> : null;
}

export function DropdownMenuLabel(props: ComponentProps<MenuParts["Label"]>) {
  const { parts } = useContext(PartsContext);
  return parts ? <parts.Label {...props} /> : null;
}

export function DropdownMenuSeparator() {
  const { parts } = useContext(PartsContext);
  return parts ? <parts.Separator /> : null;
}
