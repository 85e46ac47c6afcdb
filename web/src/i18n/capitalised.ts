/** Shared labels are written as they read inside a sentence; where the map shows one on its own, it starts like a sentence. */
export function capitalised<K extends string>(labels: Readonly<Record<K, string>>): Record<K, string> {
  const entries = Object.entries<string>(labels).map(([key, label]) => [key, label.charAt(0).toUpperCase() + label.slice(1)]);
  return Object.fromEntries(entries) as Record<K, string>;
}
