"use client";

import { SectionError } from "@/components/ui/section-error";

export default function PreviewError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <SectionError title="The storefront preview could not be shown" {...props} />;
}
