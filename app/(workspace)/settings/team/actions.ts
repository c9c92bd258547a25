"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { setMemberRole } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { EMPLOYER_ROLES } from "@/lib/db/schema";
import { action, actionErrorMessage } from "@/lib/http/action";

export interface RoleChangeState {
  changed?: boolean;
  error?: string;
}

const roleChange = z.object({ userId: z.uuid(), role: z.enum(EMPLOYER_ROLES) }).strict();

/**
 * An admin makes a member admin or takes the role away; lib/auth/roles.ts refuses a non-admin
 * (403) and the last admin's removal, and audits the change.
 */
export const changeMemberRoleAction = action(
  {
    auth: "employer",
    onError: (error, { requestId }, _input: unknown): RoleChangeState => ({
      error: actionErrorMessage(error, requestId),
    }),
  },
  async ({ session }, input: unknown): Promise<RoleChangeState> => {
    const parsed = roleChange.safeParse(input);
    if (!parsed.success) return { error: "That change is not valid." };
    await setMemberRole(db(), session, parsed.data);
    revalidatePath("/settings/team");
    return { changed: true };
  },
);
