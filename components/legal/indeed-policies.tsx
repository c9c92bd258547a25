/** Indeed's policies that govern the integration; employers are told about them on every page. */
const indeedPolicies = [
  { label: "Indeed's Terms of Service", href: "https://www.indeed.com/legal" },
  { label: "Cookie Policy", href: "https://www.indeed.com/legal#cookies" },
  { label: "Privacy Policy", href: "https://www.indeed.com/legal#privacy" },
] as const;

/** The list of links to Indeed's policies, styled by the caller's list class. */
export function IndeedPolicyLinks({ className }: { className?: string }) {
  return (
    <ul className={className}>
      {indeedPolicies.map((policy) => (
        <li key={policy.href}>
          <a
            href={policy.href}
            className="text-brand-700 underline underline-offset-4"
            rel="noreferrer"
          >
            {policy.label}
          </a>
        </li>
      ))}
    </ul>
  );
}
