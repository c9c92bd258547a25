import { classNames } from "./class-names";

// The button look without <Button>: a client component styling a native button or a link with
// it does not pull Radix's Slot (Button's asChild) into its page's first load.

const base =
  "inline-flex shrink-0 items-center justify-center gap-2 rounded-md font-medium whitespace-nowrap transition-colors " +
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 " +
  "disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-not-allowed aria-disabled:opacity-60";

// Every text/background pair here keeps at least 4.5:1 contrast (WCAG AA for normal text).
const variants = {
  primary: "bg-brand-600 text-white hover:bg-brand-700 active:bg-brand-800",
  secondary: "bg-brand-50 text-brand-800 hover:bg-brand-100 active:bg-brand-100",
  outline: "border border-slate-300 bg-white text-slate-900 hover:bg-slate-50 active:bg-slate-100",
  ghost: "text-slate-800 hover:bg-slate-100 active:bg-slate-200",
  danger: "bg-red-700 text-white hover:bg-red-800 active:bg-red-900 focus-visible:outline-red-700",
  link: "text-brand-700 underline underline-offset-4 hover:text-brand-800",
} as const;

const sizes = {
  sm: "h-8 px-3 text-sm",
  md: "h-10 px-4 text-sm",
  lg: "h-12 px-6 text-base",
  icon: "size-10",
} as const;

export type ButtonVariant = keyof typeof variants;
export type ButtonSize = keyof typeof sizes;

export function buttonClassName({
  variant = "primary",
  size = "md",
  className,
}: { variant?: ButtonVariant; size?: ButtonSize; className?: string } = {}): string {
  return classNames(base, variants[variant], sizes[size], className);
}
