import { ApiError } from "./errors";

// The raw passthrough's path, checked on the still-encoded request path: it must stay a relative path on
// the platform's API host. Anything that could change the host or climb out of the API is refused.

const FORBIDDEN = [
  /%2e/i, // encoded dot (%2e%2e traversal)
  /%2f/i, // encoded slash
  /%5c/i, // encoded backslash
  /%00/, // NUL
  /%25/, // double encoding
  /\\/, // backslash (some servers treat it as a slash)
  /\/\//, // empty segment / protocol-relative
  /@/, // userinfo
  /[\u0000-\u001f\u007f]/, // control characters
];

export function confineRawPath(encodedPath: string): string {
  if (!encodedPath.startsWith("/") || encodedPath.length > 2048)
    throw new ApiError("path_not_allowed", "The raw path must be a relative path on the platform API.");
  for (const pattern of FORBIDDEN) {
    if (pattern.test(encodedPath))
      throw new ApiError("path_not_allowed", "The raw path contains a sequence that could leave the platform API.");
  }
  const segments = encodedPath.split("/").slice(1);
  if (segments.some((s) => s === "." || s === ".."))
    throw new ApiError("path_not_allowed", "Dot segments are not allowed in the raw path.");
  // An absolute URL smuggled as the first segment ("http:" / "https:").
  if (segments[0]?.includes(":"))
    throw new ApiError("path_not_allowed", "Absolute URLs are not allowed; give a path on the platform API.");
  return encodedPath;
}
