import type { Metadata } from "next";
import Link from "next/link";
import {
  EmployerSettingsForm,
  type SettingsTextFieldSpec,
} from "@/components/settings/employer-settings-form";
import { buttonClassName } from "@/components/ui/button-class-name";
import { requireEmployerSession } from "@/lib/auth/current-session";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { MESSAGE_LANGUAGES, MESSAGE_LANGUAGE_LABELS } from "@/lib/mail/employer-settings";
import { loadEmployerSettings } from "@/lib/mail/employer-settings-store";
import { saveSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Settings" };

const TEXT_FIELDS: SettingsTextFieldSpec[] = [
  {
    name: "organizerName",
    label: "Organizer name",
    description: "The name invitations come from, and the calendar organizer's.",
    required: true,
    autoComplete: "organization",
  },
  {
    name: "replyTo",
    label: "Reply-to address",
    description: "Where an interviewee's reply goes.",
    required: true,
    type: "email",
    autoComplete: "email",
  },
  {
    name: "contact",
    label: "Contact for job seekers",
    description: "Shown in every message: an email address or a phone number.",
    required: true,
    autoComplete: "off",
  },
  {
    name: "dataRequestsContact",
    label: "Contact for data requests",
    description:
      "Where job seekers ask for a copy of their data or its erasure, shown on the privacy page. Leave empty to use the contact above.",
    required: false,
    autoComplete: "off",
  },
];

export default async function SettingsPage() {
  const session = await requireEmployerSession("/settings");
  const settings = await loadEmployerSettings(db(), session.employer.id, session.user.email);
  const { from } = config().mail;

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold text-slate-900">Settings</h1>
        <p className="text-sm text-slate-700">
          What {session.employer.name}&apos;s interviewees see in the invitations, updates and
          cancellations Lobby sends them. Mail comes from{" "}
          <span className="font-medium">{from.address}</span> with your organizer name; replies go
          to your reply-to address.
        </p>
        {!settings.saved && (
          <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900" role="status">
            Not saved yet: messages use the employer&apos;s name and your own address until you
            save.
          </p>
        )}
      </header>
      <EmployerSettingsForm
        action={saveSettingsAction}
        defaults={{
          organizerName: settings.organizerName,
          replyTo: settings.replyTo,
          contact: settings.contact,
          defaultLanguage: settings.defaultLanguage,
          dataRequestsContact: settings.dataRequestsContact ?? "",
        }}
        textFields={TEXT_FIELDS}
        submit={
          <button type="submit" className={buttonClassName()}>
            Save settings
          </button>
        }
        languageField={{
          label: "Default language",
          description: "For interviews without a language of their own.",
        }}
        languages={MESSAGE_LANGUAGES.map((code) => ({
          value: code,
          label: MESSAGE_LANGUAGE_LABELS[code],
        }))}
      />
      <p className="text-sm text-slate-700">
        Requests from job seekers for their data are recorded and answered on{" "}
        <Link href="/privacy/requests" className="text-brand-700 underline underline-offset-4">
          Data requests
        </Link>
        .
      </p>
      <p className="text-sm text-slate-700">
        Who has signed in for {session.employer.name}, and who is an admin:{" "}
        <Link href="/settings/team" className="text-brand-700 underline underline-offset-4">
          Team
        </Link>
        .
      </p>
    </div>
  );
}
