import { hashSecret, prefixedSecret } from "@/lib/security/prefixed-secret";

// Storelink's unified token: `slk_` + 43 base62 characters + a 6-character checksum (lib/security/prefixed-secret).

const format = prefixedSecret("slk_");

export const TOKEN_PREFIX = format.prefix;
export const UNIFIED_TOKEN_PATTERN = format.pattern;
export const generateUnifiedToken = format.generate;
export const isWellFormedUnifiedToken = format.isWellFormed;
export const hashUnifiedToken = hashSecret;
export const displayParts = format.displayParts;
