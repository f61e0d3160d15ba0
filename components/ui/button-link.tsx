import Link from "next/link";
import type { ComponentProps } from "react";
import { buttonClass, type ButtonVariant } from "./button";

// Its own module so that client components using only <Button> do not ship next/link (≈3 KB gzip per
// chunk that imports it; the Control Panel page counts every kilobyte).
export function ButtonLink({
  variant = "primary",
  className = "",
  ...props
}: ComponentProps<typeof Link> & { variant?: ButtonVariant }) {
  return <Link className={buttonClass(variant, className)} {...props} />;
}
