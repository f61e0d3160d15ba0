import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

/** Previous / next links that keep the current filters (hrefFor builds the URL of a page). */
export function Pagination({ page, pages, total, noun, hrefFor }: { page: number; pages: number; total: number; noun: string; hrefFor: (page: number) => string }) {
  return (
    <nav aria-label="Pagination" className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
      <p aria-live="polite">
        Page {Math.min(page, pages)} of {pages} · {total} {noun}
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link href={hrefFor(page - 1)} className={buttonClass("secondary")} rel="prev">
            Previous page
          </Link>
        ) : (
          <span aria-disabled="true" className={buttonClass("secondary", "pointer-events-none opacity-50")}>
            Previous page
          </span>
        )}
        {page < pages ? (
          <Link href={hrefFor(page + 1)} className={buttonClass("secondary")} rel="next">
            Next page
          </Link>
        ) : (
          <span aria-disabled="true" className={buttonClass("secondary", "pointer-events-none opacity-50")}>
            Next page
          </span>
        )}
      </div>
    </nav>
  );
}
