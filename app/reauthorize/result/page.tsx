import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { connectFailureText } from "@/lib/connections/connect-outcome";

export const metadata: Metadata = { title: "Reconnect your store", robots: { index: false } };

// The outcome arrives as a code (lib/connections/connect-outcome.ts); any other query text is ignored, so a
// crafted link cannot make this Storelink page say something Storelink did not write.
export default async function ReauthorizeResultPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const q = await searchParams;
  const done = q.outcome === "done";
  return (
    <Card>
      <h1 className="text-xl font-semibold">{done ? "Store reconnected" : "Connecting did not finish"}</h1>
      <div className="mt-4">
        {done ? (
          <Alert tone="success">Your store is connected to Storelink again. You can close this page.</Alert>
        ) : (
          <Alert tone="error">{connectFailureText(q.code)}</Alert>
        )}
      </div>
    </Card>
  );
}
