import { Validator } from "@seriousme/openapi-schema-validator";

// Validation of Storelink's OpenAPI document in two layers:
// 1. the official OpenAPI 3.1 JSON Schema (spec.openapis.org/oas/3.1/schema), through
//    @seriousme/openapi-schema-validator: every field's shape, as any OpenAPI tool will read it;
// 2. what that schema cannot express and code generators trip on: unique operationIds, path templates
//    matching required path parameters, every $ref resolving, response keys that are status codes.

/** Both layers: an empty list means valid. */
export async function validateOpenApiDocument(doc: Record<string, unknown>): Promise<string[]> {
  const validator = new Validator();
  // The validator keeps a reference to what it is given: hand it a copy.
  const result = await validator.validate(structuredClone(doc));
  const errors = result.valid ? [] : Array.isArray(result.errors) ? result.errors : [result.errors];
  const schemaErrors = errors.map((e) => `schema: ${typeof e === "string" ? e : JSON.stringify(e)}`);
  return [...schemaErrors, ...validateOpenApi31(doc)];
}

/** Layer 2 alone (and the version and required top-level fields), synchronous. */
export function validateOpenApi31(doc: Record<string, unknown>): string[] {
  const errors: string[] = [];
  const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);
  if (typeof doc.openapi !== "string" || !/^3\.1\.\d+$/.test(doc.openapi)) errors.push("openapi must be 3.1.x");
  const info = doc.info;
  if (!isObj(info) || typeof info.title !== "string" || typeof info.version !== "string")
    errors.push("info.title and info.version are required");
  if (!isObj(doc.paths) && !isObj(doc.components) && !isObj(doc.webhooks))
    errors.push("one of paths, components, webhooks is required");
  const ids = new Set<string>();
  const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
  for (const [path, item] of Object.entries(isObj(doc.paths) ? doc.paths : {})) {
    if (!path.startsWith("/")) errors.push(`path ${path} must start with /`);
    if (!isObj(item)) continue;
    const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    for (const [method, op] of Object.entries(item)) {
      if (!methods.includes(method)) continue;
      if (!isObj(op)) {
        errors.push(`${method} ${path} must be an object`);
        continue;
      }
      const id = op.operationId as string | undefined;
      if (id) {
        if (ids.has(id)) errors.push(`duplicate operationId ${id}`);
        ids.add(id);
      }
      const params = [...((item.parameters as unknown[]) ?? []), ...((op.parameters as unknown[]) ?? [])].filter(isObj);
      for (const p of params) {
        if (typeof p.name !== "string" || !["query", "header", "path", "cookie"].includes(p.in as string))
          errors.push(`${method} ${path}: bad parameter`);
        if (p.in === "path" && p.required !== true)
          errors.push(`${method} ${path}: path parameter ${String(p.name)} must be required`);
        if (!("schema" in p) && !("content" in p))
          errors.push(`${method} ${path}: parameter ${String(p.name)} needs schema or content`);
      }
      for (const name of templated)
        if (!params.some((p) => p.in === "path" && p.name === name))
          errors.push(`${method} ${path}: no path parameter for {${name}}`);
      if (!isObj(op.responses) || Object.keys(op.responses).length === 0) errors.push(`${method} ${path}: responses required`);
      for (const [code, r] of Object.entries(isObj(op.responses) ? op.responses : {})) {
        if (!/^([1-5](\d\d|XX)|default)$/.test(code)) errors.push(`${method} ${path}: bad response key ${code}`);
        if (!isObj(r) || typeof r.description !== "string") errors.push(`${method} ${path} ${code}: description required`);
      }
    }
  }
  const resolve = (ref: string) =>
    ref
      .replace(/^#\//, "")
      .split("/")
      .reduce<unknown>((node, key) => (isObj(node) ? node[key] : undefined), doc);
  const walk = (node: unknown, at: string) => {
    if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${at}/${i}`));
    else if (isObj(node)) {
      if (typeof node.$ref === "string" && (!node.$ref.startsWith("#/") || resolve(node.$ref) === undefined))
        errors.push(`${at}: unresolved $ref ${node.$ref}`);
      for (const [k, v] of Object.entries(node)) walk(v, `${at}/${k}`);
    }
  };
  walk(doc, "#");
  return errors;
}
