// Timestamps rendered the same on the server and in the browser (no locale or time-zone drift at hydration).
export function formatTimestamp(iso: string | null, empty = "Never"): string {
  if (!iso) return empty;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
