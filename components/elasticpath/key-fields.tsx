"use client";

import { Field, inputClass } from "@/components/ui/field";

// The fields of an Elastic Path application key (store name, region or custom base URL, client_id and
// client_secret), shared by the admin's connect form and the merchant's on an integrator's connect page.

export type Region = { name: string; url: string };
export type ElasticPathKeyInput = {
  name: string;
  region: string;
  customBaseUrl?: string;
  clientId: string;
  clientSecret: string;
};

export function readKeyInput(form: FormData, region: string): ElasticPathKeyInput {
  const text = (name: string) => String(form.get(name) ?? "");
  return {
    name: text("name"),
    region,
    customBaseUrl: region === "custom" ? text("customBaseUrl") : undefined,
    clientId: text("clientId"),
    clientSecret: text("clientSecret"),
  };
}

export function ElasticPathKeyFields({
  regions,
  region,
  onRegion,
  fieldError,
}: {
  regions: Region[];
  region: string;
  onRegion: (region: string) => void;
  fieldError: (name: string) => string | undefined;
}) {
  return (
    <>
      <Field
        id="ep-name"
        name="name"
        label="Store name"
        required
        maxLength={100}
        placeholder="EU storefront"
        hint="Elastic Path does not tell an application key its store's name, so Storelink shows the store under the name you give it here."
        error={fieldError("name")}
      />
      <div className="space-y-1.5">
        <label htmlFor="ep-region" className="block text-sm font-medium">
          Region
        </label>
        <select id="ep-region" name="region" value={region} onChange={(e) => onRegion(e.target.value)} className={inputClass}>
          {regions.map((r) => (
            <option key={r.name} value={r.name}>
              {r.name} ({r.url})
            </option>
          ))}
          <option value="custom">Custom base URL…</option>
        </select>
      </div>
      {region === "custom" && (
        <Field
          id="ep-base-url"
          name="customBaseUrl"
          type="url"
          label="API base URL"
          required
          placeholder="https://useast.api.elasticpath.com"
          hint="Shown in Commerce Manager under Application Keys → API base URL."
          error={fieldError("customBaseUrl")}
        />
      )}
      <Field
        id="ep-client-id"
        name="clientId"
        label="Client ID"
        required
        autoComplete="off"
        spellCheck={false}
        error={fieldError("clientId")}
      />
      <Field
        id="ep-client-secret"
        name="clientSecret"
        type="password"
        label="Client secret"
        required
        autoComplete="new-password"
        spellCheck={false}
        hint="Sent once to verify the key, then kept only in Storelink's encrypted vault; it is never shown again."
        error={fieldError("clientSecret")}
      />
    </>
  );
}
