"use client";

import { useState, useTransition } from "react";
import { createUser } from "@/lib/actions/users/create-user";
import type { ActionResult } from "@/lib/actions/safe-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";

type Created = { email: string; role: string; password: string };

export function AddUserForm() {
  const [result, setResult] = useState<ActionResult<Created> | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(form: FormData) {
    startTransition(async () => {
      setResult(await createUser({ email: String(form.get("email") ?? ""), role: String(form.get("role")) as "ADMIN" }));
    });
  }

  return (
    <form action={onSubmit} className="space-y-4">
      {result && !result.ok && <Alert tone="error">{result.error}</Alert>}
      {result?.ok && (
        <Alert tone="success" title={`Created ${result.data.email} (${result.data.role.toLowerCase()})`}>
          Give them this password now; it will not be shown again:{" "}
          <code className="rounded bg-white/60 px-1 font-mono dark:bg-black/30" data-testid="new-password">
            {result.data.password}
          </code>
        </Alert>
      )}
      <Field
        id="new-user-email"
        name="email"
        type="email"
        label="Email"
        required
        error={result && !result.ok ? result.fieldErrors?.email?.[0] : undefined}
      />
      <div className="space-y-1.5">
        <label htmlFor="new-user-role" className="block text-sm font-medium">
          Role
        </label>
        <select id="new-user-role" name="role" defaultValue="ADMIN" className={inputClass}>
          <option value="VIEWER">Viewer: reads everything, changes nothing</option>
          <option value="ADMIN">Admin: manages stores, keys and tokens</option>
          <option value="OWNER">Owner: also manages users</option>
        </select>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create account"}
      </Button>
    </form>
  );
}
