"use client";

import { SectionError } from "@/components/ui/section-error";

export default function ShoppersError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <SectionError title="The shoppers could not be shown" {...props} />;
}
