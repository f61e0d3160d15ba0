// What ApiRequest stores of a request path: query values of anything secret-looking are masked, and
// unified tokens anywhere in the path are cut to their display prefix.

const SECRET_KEYS = /token|secret|key|password|code|auth|signature|sig/i;

export function maskPath(pathname: string, search: URLSearchParams): string {
  const maskedPath = pathname.replace(/slk_[0-9A-Za-z]{8,}/g, (t) => `${t.slice(0, 8)}…`);
  const params = [...search.entries()].map(
    ([k, v]) => `${encodeURIComponent(k)}=${SECRET_KEYS.test(k) ? "***" : encodeURIComponent(v.slice(0, 100))}`,
  );
  return (params.length ? `${maskedPath}?${params.join("&")}` : maskedPath).slice(0, 1000);
}
