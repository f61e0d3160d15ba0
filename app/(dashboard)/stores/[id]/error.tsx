"use client";

import { SectionError } from "@/components/ui/section-error";

export default function StoreError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <SectionError title="This store could not be loaded" {...props} />;
}
