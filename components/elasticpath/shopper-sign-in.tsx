"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState, useTransition, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, SelectInput } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import { implicitTokenQuery } from "./implicit-token-query";
import { ShopperError, signInCustomer, signInMember, type ShopperSession } from "./shopper-requests";

export type PasswordProfileOption = { id: string; name: string };

/** Email + password (customer) or username + password through a password profile (account member). */
export function ShopperSignIn({
  connectionId,
  passwordProfiles,
  onSignedIn,
}: {
  connectionId: string;
  passwordProfiles: PasswordProfileOption[];
  onSignedIn: (session: ShopperSession) => void;
}) {
  const hydrated = useHydrated();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<"customer" | "member">("customer");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string) => String(form.get(name) ?? "");
    setError(null);
    startTransition(async () => {
      try {
        const implicit = await queryClient.fetchQuery(implicitTokenQuery(connectionId));
        const session =
          mode === "customer"
            ? await signInCustomer(implicit, field("email").trim(), field("password"))
            : await signInMember(implicit, field("passwordProfileId"), field("username").trim(), field("password"));
        onSignedIn(session);
      } catch (e) {
        setError(e instanceof ShopperError ? e.message : `Could not reach Elastic Path (${(e as Error).message}).`);
      }
    });
  }

  return (
    <div className="space-y-4">
      <div role="group" aria-label="Shopper kind" className="flex gap-2">
        <Button
          variant={mode === "customer" ? "primary" : "secondary"}
          aria-pressed={mode === "customer"}
          onClick={() => (setMode("customer"), setError(null))}
        >
          Customer
        </Button>
        <Button
          variant={mode === "member" ? "primary" : "secondary"}
          aria-pressed={mode === "member"}
          onClick={() => (setMode("member"), setError(null))}
        >
          Account member
        </Button>
      </div>
      <form onSubmit={onSubmit} aria-label="Sign in as a shopper" className="max-w-md space-y-3">
        {error && (
          <Alert tone="error" title="Not signed in">
            {error}
          </Alert>
        )}
        {mode === "customer" ? (
          <Field key="email" id="shopper-email" name="email" type="email" label="Customer email" required autoComplete="off" />
        ) : (
          <>
            <SelectInput id="shopper-profile" name="passwordProfileId" label="Password profile" required>
              {passwordProfiles.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </SelectInput>
            <Field key="username" id="shopper-username" name="username" label="Username" required autoComplete="off" />
          </>
        )}
        <Field id="shopper-password" name="password" type="password" label="Shopper password" required autoComplete="off" />
        <Button type="submit" disabled={pending || !hydrated || (mode === "member" && passwordProfiles.length === 0)}>
          {pending ? "Signing in…" : "Sign in"}
        </Button>
        {mode === "member" && passwordProfiles.length === 0 && (
          <p className="text-sm">This store has no password profile, so account members cannot sign in with a password.</p>
        )}
      </form>
    </div>
  );
}
