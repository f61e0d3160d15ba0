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

/**
 * A plain <a> styled as a button, for hrefs that start a flow on the server (an OAuth start, a download): the
 * client router must never fetch those itself (its RSC fetch or prefetch would run the route handler again,
 * start a second flow and overwrite the first one's state cookie).
 */
export function ButtonAnchor({
  variant = "primary",
  className = "",
  ...props
}: ComponentProps<"a"> & { variant?: ButtonVariant }) {
  return <a className={buttonClass(variant, className)} {...props} />;
}
