/**
 * The react-query keys of Indeed reads, scoped by employer. No directive: server components
 * prefetch under the same keys the client hooks (lib/indeed/hooks.ts) read.
 */
export const indeedKeys = {
  all: (employerId: string | null) => ["indeed", employerId] as const,
  operation: (employerId: string | null, name: string, variables?: unknown) =>
    variables === undefined
      ? (["indeed", employerId, name] as const)
      : (["indeed", employerId, name, variables] as const),
};
