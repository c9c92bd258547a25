import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { requireEmployerSession } from "@/lib/auth/current-session";
import { isEmployerAdmin, listEmployerMembers } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { changeMemberRoleAction } from "./actions";
import { MemberRoleButton } from "./member-role-button";

export const metadata: Metadata = { title: "Team" };

/** `/settings/team`: the employer's members and their roles; admins change them here. */
export default async function TeamPage() {
  const session = await requireEmployerSession("/settings/team");
  const [members, admin] = await Promise.all([
    listEmployerMembers(db(), session.employer.id),
    isEmployerAdmin(session),
  ]);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href="/settings" className="text-brand-700 underline underline-offset-4">
            Settings
          </Link>
        </p>
        <h1 className="text-2xl font-semibold text-slate-900">Team</h1>
        <p className="text-sm text-slate-700">
          Everyone who has signed in to Lobby for {session.employer.name}. Admins see the audit log,
          carry out data erasure and choose the other admins; the first person to sign in became the
          first admin.
          {admin ? " You are an admin." : " Ask an admin to change a role."}
        </p>
      </header>
      <DataTable
        caption={`Members of ${session.employer.name}`}
        columns={[
          "Name",
          "Email",
          "Role",
          ...(admin
            ? [
                <span key="change" className="sr-only">
                  Change role
                </span>,
              ]
            : []),
        ]}
      >
        {members.map((member) => {
          const label = member.name ?? member.email ?? "this member";
          return (
            <tr key={member.userId} data-testid="team-member">
              <td className="px-4 py-3 font-medium text-slate-900">
                {member.name ?? "Unnamed"}
                {member.userId === session.userId && <span className="text-slate-700"> (you)</span>}
              </td>
              <td className="px-4 py-3 text-slate-700">{member.email}</td>
              <td className="px-4 py-3">
                <Badge tone={member.role === "admin" ? "brand" : "neutral"}>
                  {member.role === "admin" ? "Admin" : "Member"}
                </Badge>
              </td>
              {admin && (
                <td className="px-4 py-3">
                  <MemberRoleButton
                    action={changeMemberRoleAction}
                    userId={member.userId}
                    memberLabel={label}
                    makeAdmin={member.role !== "admin"}
                  />
                </td>
              )}
            </tr>
          );
        })}
      </DataTable>
    </div>
  );
}
