import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

/**
 * Previous / next links for a server-paginated list. `hrefFor` builds a page's URL (keeping filters);
 * `summary` says where the reader is (default "Page 2 of 5 · 93 events").
 */
export function Pagination({
  page,
  pages,
  hrefFor,
  summary,
  total,
  noun,
}: {
  page: number;
  pages: number;
  hrefFor: (page: number) => string;
  summary?: string;
  total?: number;
  noun?: string;
}) {
  const text =
    summary ?? `Page ${Math.min(page, pages)} of ${pages}${total !== undefined ? ` · ${total} ${noun ?? ""}`.trimEnd() : ""}`;
  return (
    <nav aria-label="Pagination" className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
      <p aria-live="polite">{text}</p>
      <div className="flex gap-2">
        <PageLink page={page - 1} enabled={page > 1} hrefFor={hrefFor} rel="prev">
          Previous page
        </PageLink>
        <PageLink page={page + 1} enabled={page < pages} hrefFor={hrefFor} rel="next">
          Next page
        </PageLink>
      </div>
    </nav>
  );
}

function PageLink({
  page,
  enabled,
  hrefFor,
  rel,
  children,
}: {
  page: number;
  enabled: boolean;
  hrefFor: (page: number) => string;
  rel: string;
  children: string;
}) {
  if (!enabled) {
    return (
      <span aria-disabled="true" className={buttonClass("secondary", "pointer-events-none opacity-50")}>
        {children}
      </span>
    );
  }
  return (
    <Link href={hrefFor(page)} className={buttonClass("secondary")} rel={rel}>
      {children}
    </Link>
  );
}
