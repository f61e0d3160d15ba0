import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Lets several test runs on one machine keep separate builds (build config, read before lib/env.ts exists).
  distDir: process.env.STORELINK_DIST_DIR || ".next",
  // PGlite ships its own WebAssembly and data files: load it from node_modules at run time, unbundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/schema-engine-wasm"],
  experimental: {
    // Decrypted platform secrets are tainted (lib/vault) so handing one to a client component throws.
    taint: true,
  },
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
