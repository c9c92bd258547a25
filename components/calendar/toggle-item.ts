/** A toggle group's item in the calendar's controls: outlined, filled when pressed. */
export const toggleItemClassName =
  "rounded-md px-3 py-1.5 text-sm font-medium text-slate-800 ring-1 ring-inset ring-slate-300 " +
  "hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 " +
  "data-[state=on]:bg-brand-600 data-[state=on]:text-white data-[state=on]:ring-brand-600";
