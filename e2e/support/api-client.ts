// A client generated at run time from the served OpenAPI document: one function per operationId, path
// and query parameters filled from the document, so a test proves the document matches the API.
import type { APIRequestContext } from "@playwright/test";

type Op = { method: string; path: string; params: { name: string; in: string }[] };

export async function generatedClient(request: APIRequestContext, token: string) {
  const doc = await (await request.get("/api/v1/openapi.json")).json();
  const base = doc.servers[0].url as string;
  const ops = new Map<string, Op>();
  for (const [path, item] of Object.entries<Record<string, { operationId?: string; parameters?: Op["params"] }>>(doc.paths)) {
    const shared = (item as { parameters?: Op["params"] }).parameters ?? [];
    for (const [method, op] of Object.entries(item)) {
      if (op && typeof op === "object" && op.operationId)
        ops.set(op.operationId, { method, path, params: [...shared, ...(op.parameters ?? [])] });
    }
  }
  return {
    operations: [...ops.keys()],
    async call(operationId: string, args: Record<string, string | number> = {}, body?: unknown) {
      const op = ops.get(operationId);
      if (!op) throw new Error(`no operation ${operationId} in the document`);
      let path = op.path;
      const query = new URLSearchParams();
      for (const p of op.params) {
        const v = args[p.name];
        if (v === undefined) continue;
        if (p.in === "path") path = path.replace(`{${p.name}}`, encodeURIComponent(String(v)));
        if (p.in === "query") query.set(p.name, String(v));
      }
      const url = `${base}${path}${query.size ? `?${query}` : ""}`;
      return request.fetch(url, { method: op.method.toUpperCase(), headers: { authorization: `Bearer ${token}` }, data: body });
    },
  };
}
