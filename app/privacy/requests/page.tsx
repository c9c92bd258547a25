import type { Metadata } from "next";
import Link from "next/link";
import { DataRequestStatus } from "@/components/privacy/data-request-status";
import { RecordRequestForm } from "@/components/privacy/record-request-form";
import { requireEmployerSession } from "@/lib/auth/current-session";
import { db } from "@/lib/db/client";
import {
  DATA_REQUEST_KIND_LABELS,
  dataRequestState,
  utcDate,
} from "@/lib/privacy/data-request-schema";
import { listDataRequests } from "@/lib/privacy/data-requests";
import { recordDataRequestAction } from "./actions";

export const metadata: Metadata = { title: "Data requests" };

/** The employer's data requests, open ones first with their deadlines, and the form to record one. */
export default async function DataRequestsPage() {
  const session = await requireEmployerSession("/privacy/requests");
  const today = utcDate(new Date());
  const requests = await listDataRequests(db(), session.employer.id);
  const overdue = requests.filter(
    (request) => dataRequestState(request, today).status === "overdue",
  ).length;

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href="/privacy" className="text-brand-700 underline">
            Privacy
          </Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Data requests</h1>
        <p className="text-slate-700">
          Job seekers may ask {session.employer.name} for a copy of their data or for its erasure;
          each request is answered within 30 days of receipt.
        </p>
        {overdue > 0 && (
          <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
            {overdue} {overdue === 1 ? "request is" : "requests are"} overdue.
          </p>
        )}
      </header>

      <section aria-labelledby="list-heading" className="space-y-3">
        <h2 id="list-heading" className="text-lg font-semibold">
          Requests
        </h2>
        {requests.length === 0 ? (
          <p className="text-slate-700">No data request recorded yet.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-3 font-medium">
                  Job seeker
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Request
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Received
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Due
                </th>
                <th scope="col" className="py-2 font-medium">
                  Status
                </th>
              </tr>
            </thead>
            <tbody>
              {requests.map((request) => (
                <tr key={request.id} className="border-b border-slate-200">
                  <td className="py-2 pr-3">
                    <Link
                      href={`/privacy/requests/${request.id}`}
                      className="text-brand-700 underline-offset-2 hover:underline"
                    >
                      {request.email ?? "Erased"}
                    </Link>
                  </td>
                  <td className="py-2 pr-3">{DATA_REQUEST_KIND_LABELS[request.kind]}</td>
                  <td className="py-2 pr-3">{request.receivedOn}</td>
                  <td className="py-2 pr-3">{request.dueOn}</td>
                  <td className="py-2">
                    <DataRequestStatus state={dataRequestState(request, today)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="record-heading" className="max-w-xl space-y-3">
        <h2 id="record-heading" className="text-lg font-semibold">
          Record a request
        </h2>
        <RecordRequestForm
          action={recordDataRequestAction}
          today={today}
          kinds={Object.entries(DATA_REQUEST_KIND_LABELS).map(([value, label]) => ({
            value,
            label,
          }))}
        />
      </section>
    </div>
  );
}
