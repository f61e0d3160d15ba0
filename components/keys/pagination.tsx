import Link from "next/link";

/** Previous / next links for a server-paginated list (?page=n). */
export function Pagination({ basePath, page, total, perPage }: { basePath: string; page: number; total: number; perPage: number }) {
  const pages = Math.max(1, Math.ceil(total / perPage));
  const from = total === 0 ? 0 : (page - 1) * perPage + 1;
  const to = Math.min(total, page * perPage);
  const link = "rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800";
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between gap-4 text-sm">
      <p>
        Showing {from}–{to} of {total} keys (page {page} of {pages})
      </p>
      <div className="flex gap-2">
        {page > 1 && (
          <Link className={link} href={`${basePath}?page=${page - 1}`} rel="prev">
            Previous page
          </Link>
        )}
        {page < pages && (
          <Link className={link} href={`${basePath}?page=${page + 1}`} rel="next">
            Next page
          </Link>
        )}
      </div>
    </nav>
  );
}
