// Filters a platform has no parameter for (an email on Elastic Path's customers, a text search on the OAuth2
// provider) are applied by Storelink over at most MAX_SCAN records: enough for the stores these adapters
// serve, and a bound on how much one unified-API call can make Storelink fetch upstream.
export const MAX_SCAN = 2_000;

/** The records, page by page, until the platform says there are no more or MAX_SCAN are read. */
export async function scanPages<T>(page: (offset: number) => Promise<{ items: T[]; next: number | null }>): Promise<T[]> {
  const all: T[] = [];
  for (let offset: number | null = 0; offset !== null && all.length < MAX_SCAN;) {
    const { items, next } = await page(offset);
    all.push(...items);
    offset = next;
  }
  return all;
}
