/**
 * The seam for live updates. The open ecosystem registers how to refetch itself; when the API
 * grows a GraphQL subscription over SSE (a "network changed" event per ecosystem), its handler
 * calls `networkChanged(ecosystemId)` and nothing else in the views has to change.
 * Until then the ecosystem view's "Refresh" button calls `refetchOpenEcosystem`.
 */

type Refetch = () => Promise<void>;

let open: { ecosystemId: string; refetch: Refetch } | null = null;

export function registerOpenEcosystem(ecosystemId: string, refetch: Refetch): () => void {
  const entry = { ecosystemId, refetch };
  open = entry;
  return () => {
    if (open === entry) open = null;
  };
}

/** Refetches the open ecosystem, if any; positions on the map are kept. */
export function refetchOpenEcosystem(): Promise<void> {
  return open ? open.refetch() : Promise.resolve();
}

/** What a future subscription handler calls for each change it is told about. */
export function networkChanged(ecosystemId: string): Promise<void> {
  return open?.ecosystemId === ecosystemId ? open.refetch() : Promise.resolve();
}
