"use client";

import { useState, useTransition, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import { loadAppSettings } from "@/lib/actions/embedded/load-settings";
import { saveAppSettings } from "@/lib/actions/embedded/save-settings";
import { useEmbedded } from "./session-context";
import { useLoad } from "./use-load";

/** The app's public settings in Ecwid app storage (read and written server-side with the secret token). */
export function SettingsForm() {
  const hydrated = useHydrated();
  const { boot, t, check } = useEmbedded();
  const settings = useLoad(boot.storeId, async () => {
    const result = check(await loadAppSettings(boot.sessionToken, {}));
    if (!result.ok) throw new Error(result.code);
    return result.data;
  });
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [busy, startTransition] = useTransition();

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = check(
        await saveAppSettings(boot.sessionToken, {
          widgetTitle: String(form.get("widgetTitle") ?? ""),
          lowStockThreshold: form.get("lowStockThreshold"),
          showStockBadges: form.get("showStockBadges") === "on",
        }),
      );
      setMessage(result.ok ? { tone: "success", text: t.saved } : { tone: "error", text: t.errors[result.code] });
    });
  }

  return (
    <Card>
      <h2 className="text-lg font-semibold">{t.settingsTitle}</h2>
      <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">{t.settingsHint}</p>
      {settings.isPending ? (
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          {t.loading}
        </p>
      ) : settings.isError ? (
        <div className="space-y-3">
          <Alert tone="error">{t.errors.unavailable}</Alert>
          <Button variant="secondary" onClick={() => settings.refetch()}>
            {t.retry}
          </Button>
        </div>
      ) : (
        <form onSubmit={save} className="space-y-4" data-testid="settings-form">
          <Field
            id="widgetTitle"
            name="widgetTitle"
            label={t.widgetTitle}
            defaultValue={settings.data.widgetTitle}
            maxLength={60}
          />
          <Field
            id="lowStockThreshold"
            name="lowStockThreshold"
            type="number"
            min={0}
            max={10000}
            label={t.lowStockThreshold}
            defaultValue={settings.data.lowStockThreshold}
          />
          <div className="flex items-center gap-2">
            <input
              id="showStockBadges"
              name="showStockBadges"
              type="checkbox"
              defaultChecked={settings.data.showStockBadges}
              className="h-4 w-4"
            />
            <label htmlFor="showStockBadges" className="text-sm">
              {t.showStockBadges}
            </label>
          </div>
          <Button type="submit" disabled={busy || !hydrated}>
            {busy ? t.saving : t.save}
          </Button>
          {message && <Alert tone={message.tone}>{message.text}</Alert>}
        </form>
      )}
    </Card>
  );
}
