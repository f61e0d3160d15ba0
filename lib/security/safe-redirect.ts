/** Only same-site relative paths: `//evil.example`, `/\evil`, schemes and control characters are refused. */
export function safeRelativePath(candidate: string | null | undefined, fallback = "/stores"): string {
  if (!candidate || !candidate.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\\]/.test(candidate)) return fallback;
  try {
    const url = new URL(candidate, "http://storelink.invalid");
    return url.origin === "http://storelink.invalid" ? `${url.pathname}${url.search}${url.hash}` : fallback;
  } catch {
    return fallback;
  }
}
