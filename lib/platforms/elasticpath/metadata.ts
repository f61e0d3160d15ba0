import type { EpMetadata } from "./types";

// A connection row's metadata JSON, read defensively: rows written by older versions lack fields.
export function metadataOfConnection(raw: unknown): EpMetadata {
  return raw && typeof raw === "object" ? (raw as EpMetadata) : {};
}
