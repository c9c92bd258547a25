// Not in input.tsx, a client module, so server components can style native controls with it
// without shipping the Field and Input client code.
export const controlClassName =
  "block w-full rounded-md border border-slate-400 bg-white px-3 text-sm text-slate-900 shadow-sm " +
  "placeholder:text-slate-500 focus-visible:border-brand-600 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-brand-600 " +
  "disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-600 " +
  "aria-invalid:border-red-700 aria-invalid:focus-visible:outline-red-700";
