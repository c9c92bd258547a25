import Link from "next/link";
import { buttonClassName } from "./button";

/** Previous/next links that keep the other query parameters. */
export function Pagination({
  page,
  pageCount,
  total,
  basePath,
  params,
}: {
  page: number;
  pageCount: number;
  total: number;
  basePath: string;
  params: Record<string, string | undefined>;
}) {
  const href = (target: number) => {
    const query = new URLSearchParams(
      Object.entries({ ...params, page: target > 1 ? String(target) : undefined }).flatMap(
        ([key, value]) => (value ? [[key, value]] : []),
      ),
    );
    return query.size ? `${basePath}?${query}` : basePath;
  };
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-4 text-sm">
      <p className="text-slate-700">
        Page {page} of {pageCount} · {total} {total === 1 ? "result" : "results"}
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link
            href={href(page - 1)}
            rel="prev"
            className={buttonClassName({ variant: "outline", size: "sm" })}
          >
            Previous
          </Link>
        ) : null}
        {page < pageCount ? (
          <Link
            href={href(page + 1)}
            rel="next"
            className={buttonClassName({ variant: "outline", size: "sm" })}
          >
            Next
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
