import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { PROBLEM_BASE, PROBLEMS } from "@/lib/api/errors";
import { openApiDocument } from "@/lib/api/app";
import { RATE_LIMIT } from "@/lib/api/rate-limit";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "API docs" };

type Operation = { summary?: string; operationId?: string; parameters?: { name: string; in: string; required?: boolean }[] };

export default async function ApiDocsPage() {
  await requireUser();
  const doc = openApiDocument();
  const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Record<string, unknown>)
      .filter(([m]) => ["get", "post", "put", "patch", "delete"].includes(m))
      .map(([method, op]) => ({ path, method: method.toUpperCase(), op: op as Operation })),
  );
  return (
    <>
      <PageHeader
        title="Unified API"
        description="One API for every connected store. Machine-readable: /api/v1/openapi.json (OpenAPI 3.1)."
      />
      <div className="space-y-6 text-sm">
        <Card>
          <h2 className="mb-2 text-lg font-semibold">Authentication</h2>
          <p>
            Send the store&apos;s unified token: <code>Authorization: Bearer slk_…</code>. Create, rotate and revoke tokens on the
            store&apos;s page. Tokens start with <code>slk_</code> and end in a checksum, so secret scanners can recognise them.
          </p>
          <pre
            tabIndex={0}
            className="mt-3 overflow-x-auto rounded bg-zinc-100 p-3 text-xs dark:bg-zinc-800"
          >{`curl -H "Authorization: Bearer $STORELINK_TOKEN" \\
  "$STORELINK_URL/api/v1/products?limit=20"`}</pre>
        </Card>
        <Card>
          <h2 className="mb-2 text-lg font-semibold">Endpoints</h2>
          <table className="min-w-full text-left" aria-label="Endpoints">
            <thead>
              <tr>
                <th scope="col" className="py-1 pr-3">
                  Method
                </th>
                <th scope="col" className="py-1 pr-3">
                  Path
                </th>
                <th scope="col" className="py-1 pr-3">
                  What
                </th>
                <th scope="col" className="py-1">
                  Query
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {operations.map(({ path, method, op }) => (
                <tr key={`${method} ${path}`}>
                  <td className="py-1 pr-3 font-mono">{method}</td>
                  <td className="py-1 pr-3 font-mono">/api/v1{path}</td>
                  <td className="py-1 pr-3">{op.summary}</td>
                  <td className="py-1 font-mono text-xs">
                    {(op.parameters ?? [])
                      .filter((p) => p.in === "query")
                      .map((p) => p.name)
                      .join(", ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-3">
            Lists page with <code>limit</code> (1–100) and the opaque <code>nextCursor</code>. Where a platform cannot do
            something the answer is a 501 problem saying so. <code>/raw/…</code> passes a request through to the platform&apos;s
            own API with credentials injected: only relative paths on that API, and only its data resources (catalog, orders,
            customers); credential, key, token and settings endpoints answer 403. Tokens are <code>read</code> (GET only) or{" "}
            <code>read_write</code>.
          </p>
        </Card>
        <Card>
          <h2 className="mb-2 text-lg font-semibold">Rate limits</h2>
          <p>
            Each token may make {RATE_LIMIT.points} requests per {RATE_LIMIT.windowSeconds} seconds: one budget for every
            Storelink instance when it runs with Redis (<code>REDIS_URL</code>), per instance otherwise. Every answer carries{" "}
            <code>RateLimit</code> / <code>RateLimit-Policy</code> headers; a 429 carries <code>Retry-After</code>. When the
            platform itself rate-limits the store, its 429 and <code>Retry-After</code> are passed on.
          </p>
        </Card>
        <Card>
          <h2 className="mb-2 text-lg font-semibold">Errors</h2>
          <p className="mb-3">
            Errors are <code>application/problem+json</code> (RFC 9457). Switch on <code>type</code> (or <code>code</code>), never
            on the text.
          </p>
          <dl className="space-y-2">
            {Object.entries(PROBLEMS).map(([code, p]) => (
              <div key={code} id={`problem-${code.replaceAll("_", "-")}`}>
                <dt className="font-mono text-xs">
                  {p.status} · {PROBLEM_BASE}
                  {code.replaceAll("_", "-")}
                </dt>
                <dd>{p.title}</dd>
              </div>
            ))}
          </dl>
        </Card>
      </div>
    </>
  );
}
