/** Indeed's policies that govern the integration; employers are told about them on every page. */
export const indeedPolicies = [
  { label: "Indeed's Terms of Service", href: "https://www.indeed.com/legal" },
  { label: "Cookie Policy", href: "https://www.indeed.com/legal#cookies" },
  { label: "Privacy Policy", href: "https://www.indeed.com/legal#privacy" },
] as const;
