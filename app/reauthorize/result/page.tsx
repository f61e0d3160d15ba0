import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Reconnect your store", robots: { index: false } };

export default async function ReauthorizeResultPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const q = await searchParams;
  const done = q.outcome === "done";
  return (
    <Card>
      <h1 className="text-xl font-semibold">{done ? "Store reconnected" : "Connecting did not finish"}</h1>
      <div className="mt-4">
        {done ? (
          <Alert tone="success">{q.store ? `${q.store.slice(0, 200)} is` : "Your store is"} connected to Storelink again. You can close this page.</Alert>
        ) : (
          <Alert tone="error">{(q.message ?? "Something went wrong.").slice(0, 300)}</Alert>
        )}
      </div>
    </Card>
  );
}
