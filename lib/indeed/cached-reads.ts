/**
 * The tab's cached Indeed reads, dropped when the user leaves an employer (a switch or sign-out).
 * The react-query client registers itself here where a page mounts one (./query-provider.tsx),
 * so the account menu on every page can clear it without carrying react-query.
 */
const caches = new Set<{ clear(): void }>();

export function registerCachedReads(cache: { clear(): void }): void {
  caches.add(cache);
}

export function clearCachedReads(): void {
  for (const cache of caches) cache.clear();
}
