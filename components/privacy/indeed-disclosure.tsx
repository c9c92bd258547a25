import { disclosureFor } from "@/lib/privacy/disclosure";

/**
 * What Lobby sends to Indeed and when, rendered from lib/privacy/disclosure.ts (which a test
 * holds against what the operations really send), so this list cannot drift from the code.
 */
export function IndeedDisclosure({ schemaExtensions }: { schemaExtensions: boolean }) {
  return (
    <div className="space-y-4" data-testid="indeed-disclosure">
      {disclosureFor(schemaExtensions).map((entry) => (
        <div key={entry.operation} className="space-y-1">
          <h3 className="font-medium text-slate-900">{entry.when}, Lobby sends Indeed:</h3>
          <ul className="list-disc space-y-1 pl-6">
            {entry.items.map((item) => (
              <li key={item.path} data-path={item.path}>
                {item.item}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
