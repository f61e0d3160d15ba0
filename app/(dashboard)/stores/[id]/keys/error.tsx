"use client";

import { SectionError } from "@/components/ui/section-error";

export default function KeysError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <SectionError title="The application keys could not be shown" {...props} />;
}
